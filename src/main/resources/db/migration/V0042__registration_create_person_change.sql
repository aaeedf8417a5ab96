-- The history of every change to a person: who (user, organisation), when, what (field by field; values
-- only for non-sensitive fields) and why (the reason given with a change after registration).
CREATE TABLE registration_person_change (
  id                UUID                     NOT NULL,
  person_id         UUID                     NOT NULL,
  changed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  kind              VARCHAR(20)              NOT NULL,
  actor_id          UUID,
  actor_username    VARCHAR(100),
  organisation_id   UUID,
  organisation_name VARCHAR(200),
  reason            VARCHAR(1000),
  changes           TEXT                     NOT NULL,
  CONSTRAINT registration_person_change_pk PRIMARY KEY (id)
);
CREATE INDEX registration_person_change_person_idx ON registration_person_change (person_id, changed_at);
