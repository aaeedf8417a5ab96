-- The compact, already Latinised profile of every person matching knows: candidates are scored from it
-- without transliterating again. names holds one line per written form (script, parts as entered, Latin).
CREATE TABLE matching_profile (
  person_id            UUID          NOT NULL,
  jurisdiction         VARCHAR(3)    NOT NULL,
  names                VARCHAR(20000) NOT NULL,
  sex                  VARCHAR(10),
  birth_date           DATE,
  birth_date_precision VARCHAR(10),
  nationalities        VARCHAR(200)  NOT NULL,
  documents            VARCHAR(2000) NOT NULL,
  CONSTRAINT matching_profile_pk PRIMARY KEY (person_id)
);

-- Blocking and search keys (name-pair skeletons, skeleton and birth year, document numbers, word skeletons).
-- The primary key serves the lookups (jurisdiction, key) and, in key order, the full duplicate scan.
CREATE TABLE matching_key (
  jurisdiction VARCHAR(3)  NOT NULL,
  match_key    VARCHAR(80) NOT NULL,
  person_id    UUID        NOT NULL,
  CONSTRAINT matching_key_pk PRIMARY KEY (jurisdiction, match_key, person_id)
);
CREATE INDEX matching_key_person_idx ON matching_key (person_id);
