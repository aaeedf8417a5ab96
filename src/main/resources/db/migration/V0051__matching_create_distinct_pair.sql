-- Pairs a caseworker decided are not the same person; person_a sorts before person_b.
CREATE TABLE matching_distinct_pair (
  person_a   UUID                     NOT NULL,
  person_b   UUID                     NOT NULL,
  decided_at TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT matching_distinct_pair_pk PRIMARY KEY (person_a, person_b)
);
CREATE INDEX matching_distinct_pair_b_idx ON matching_distinct_pair (person_b);
