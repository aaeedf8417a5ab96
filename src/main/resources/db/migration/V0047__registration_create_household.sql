-- Households (registration groups): a focal point and members with their relationship to the focal
-- point. Membership rows are never deleted: leaving sets left_on. active_person_id repeats person_id
-- while the membership is open and is NULL once left, so its unique constraint lets a person be an
-- active member of one household at a time on both H2 and PostgreSQL (no partial index needed).
CREATE TABLE registration_household (
  id              UUID                     NOT NULL,
  household_number VARCHAR(20)             NOT NULL,
  jurisdiction    VARCHAR(3)               NOT NULL,
  focal_person_id UUID                     NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by      UUID,
  version         BIGINT                   NOT NULL,
  CONSTRAINT registration_household_pk PRIMARY KEY (id),
  CONSTRAINT registration_household_number_uq UNIQUE (household_number),
  CONSTRAINT registration_household_focal_fk FOREIGN KEY (focal_person_id) REFERENCES registration_person (id)
);
CREATE INDEX registration_household_jurisdiction_idx ON registration_household (jurisdiction, id);

CREATE TABLE registration_household_member (
  id               UUID                     NOT NULL,
  household_id     UUID                     NOT NULL,
  person_id        UUID                     NOT NULL,
  relationship     VARCHAR(30)              NOT NULL,
  joined_on        DATE                     NOT NULL,
  left_on          DATE,
  leave_reason     VARCHAR(1000),
  active_person_id UUID,
  recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  recorded_by      UUID,
  left_recorded_at TIMESTAMP WITH TIME ZONE,
  left_recorded_by UUID,
  CONSTRAINT registration_household_member_pk PRIMARY KEY (id),
  CONSTRAINT registration_household_member_household_fk FOREIGN KEY (household_id) REFERENCES registration_household (id),
  CONSTRAINT registration_household_member_person_fk FOREIGN KEY (person_id) REFERENCES registration_person (id),
  CONSTRAINT registration_household_member_active_uq UNIQUE (active_person_id),
  CONSTRAINT registration_household_member_active_ck CHECK (
    (left_on IS NULL AND active_person_id = person_id) OR (left_on IS NOT NULL AND active_person_id IS NULL)),
  CONSTRAINT registration_household_member_dates_ck CHECK (left_on IS NULL OR left_on >= joined_on)
);
CREATE INDEX registration_household_member_household_idx ON registration_household_member (household_id, joined_on);
CREATE INDEX registration_household_member_person_idx ON registration_household_member (person_id);

-- What changed in a household, by whom, when and why. Details hold codes and ids only, never names.
CREATE TABLE registration_household_change (
  id                UUID                     NOT NULL,
  household_id      UUID                     NOT NULL,
  changed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  kind              VARCHAR(30)              NOT NULL,
  person_id         UUID,
  detail            VARCHAR(200),
  reason            VARCHAR(1000),
  actor_id          UUID,
  actor_username    VARCHAR(100),
  organisation_id   UUID,
  organisation_name VARCHAR(200),
  CONSTRAINT registration_household_change_pk PRIMARY KEY (id),
  CONSTRAINT registration_household_change_household_fk FOREIGN KEY (household_id) REFERENCES registration_household (id)
);
CREATE INDEX registration_household_change_household_idx ON registration_household_change (household_id, changed_at);
CREATE INDEX registration_household_change_person_idx ON registration_household_change (person_id);

-- Household numbers (KAZ-26-H00012) per jurisdiction and year; never reused.
CREATE TABLE registration_household_counter (
  jurisdiction VARCHAR(3) NOT NULL,
  counter_year INTEGER    NOT NULL,
  last_value   BIGINT     NOT NULL,
  CONSTRAINT registration_household_counter_pk PRIMARY KEY (jurisdiction, counter_year)
);
