-- Border referrals forwarded to another unit (issue 4: forwarding restarts nothing and is kept as history), and the
-- people met together at the border: an encounter's household (in registration) and its accompanying persons.
CREATE TABLE border_referral_forward (
  id                    UUID                     NOT NULL,
  referral_id           UUID                     NOT NULL,
  from_organisation_id  UUID,
  to_organisation_id    UUID                     NOT NULL,
  forwarded_by          UUID                     NOT NULL,
  forwarded_by_username VARCHAR(100)             NOT NULL,
  forwarded_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  reason                VARCHAR(1000)            NOT NULL,
  CONSTRAINT border_referral_forward_pk PRIMARY KEY (id),
  CONSTRAINT border_referral_forward_referral_fk FOREIGN KEY (referral_id) REFERENCES border_referral (id)
);
CREATE INDEX border_referral_forward_referral_idx ON border_referral_forward (referral_id, forwarded_at);

ALTER TABLE border_referral ADD COLUMN household_id UUID;
-- unrouted referrals are listed for every asylum authority unit of the jurisdiction
CREATE INDEX border_referral_unit_idx ON border_referral (receiving_organisation_id, status, due_at);

-- organisation_id: the recording officer's organisation (NULL for encounters recorded before it was kept)
ALTER TABLE border_encounter ADD COLUMN household_id UUID;
ALTER TABLE border_encounter ADD COLUMN organisation_id UUID;

CREATE TABLE border_encounter_companion (
  encounter_id UUID        NOT NULL,
  position     INTEGER     NOT NULL,
  person_id    UUID        NOT NULL,
  relationship VARCHAR(30) NOT NULL,
  CONSTRAINT border_encounter_companion_pk PRIMARY KEY (encounter_id, position),
  CONSTRAINT border_encounter_companion_encounter_fk FOREIGN KEY (encounter_id) REFERENCES border_encounter (id)
);
CREATE INDEX border_encounter_companion_person_idx ON border_encounter_companion (person_id);
