-- People registered one at a time whose likely duplicates have not been looked for yet: written in the
-- registering transaction (nothing is lost if the node stops), worked off in batches by any node
-- (FOR UPDATE SKIP LOCKED) and deleted in the transaction that queues the pairs it found.
-- Versions are global and increasing (a database at V0053 cannot take a later V0049_x): a module's later
-- migrations take the next free number, the module's name leads the description.
CREATE TABLE registration_duplicate_check (
  person_id    UUID                     NOT NULL,
  jurisdiction VARCHAR(3)               NOT NULL,
  queued_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT registration_duplicate_check_pk PRIMARY KEY (person_id)
);
CREATE INDEX registration_duplicate_check_queued_idx ON registration_duplicate_check (queued_at);
