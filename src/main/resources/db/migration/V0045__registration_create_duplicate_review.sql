-- Pairs of people that matching scored at or above the jurisdiction's auto-flag threshold, waiting for a
-- caseworker to decide: the same person (merge) or not the same. person_a sorts before person_b.
CREATE TABLE registration_duplicate_review (
  id           UUID                     NOT NULL,
  jurisdiction VARCHAR(3)               NOT NULL,
  person_a     UUID                     NOT NULL,
  person_b     UUID                     NOT NULL,
  score        DOUBLE PRECISION         NOT NULL,
  reasons      TEXT                     NOT NULL,
  status       VARCHAR(20)              NOT NULL,
  found_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  decided_by   UUID,
  decided_at   TIMESTAMP WITH TIME ZONE,
  CONSTRAINT registration_duplicate_review_pk PRIMARY KEY (id),
  CONSTRAINT registration_duplicate_review_pair_uq UNIQUE (person_a, person_b)
);
CREATE INDEX registration_duplicate_review_open_idx ON registration_duplicate_review (jurisdiction, status, found_at);
