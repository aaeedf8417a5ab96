-- Asylum applications (issue 5): one per applicant, children included in a parent's application; every status
-- change is a dated fact (legal effective date and recorded-at instant), so figures "as of" any date can be
-- computed later; certificates issued on registration and on each extension.

CREATE TABLE asylum_application (
  id                  UUID                     NOT NULL,
  jurisdiction        VARCHAR(3)               NOT NULL,
  number              VARCHAR(20)              NOT NULL,
  person_id           UUID                     NOT NULL,
  organisation_id     UUID                     NOT NULL,
  referral_id         UUID,
  lodged_on           DATE                     NOT NULL,
  lodged_at           VARCHAR(200)             NOT NULL,
  arrived_on          DATE,
  irregular_entry     BOOLEAN                  NOT NULL,
  late_lodging        BOOLEAN                  NOT NULL,
  status              VARCHAR(20)              NOT NULL,
  outcome             VARCHAR(20),
  registered_on       DATE,
  fingerprinted_on    DATE,
  decision_due_on     DATE,
  closed_on           DATE,
  decided_on          DATE,
  notified_on         DATE,
  status_until        DATE,
  status_ended_on     DATE,
  status_end          VARCHAR(12),
  status_end_ground   VARCHAR(40),
  created_by          VARCHAR(100)             NOT NULL,
  created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  version             BIGINT                   NOT NULL,
  CONSTRAINT asylum_application_pk PRIMARY KEY (id),
  CONSTRAINT asylum_application_number_uk UNIQUE (number),
  CONSTRAINT asylum_application_status_ck CHECK (status IN ('LODGED', 'REGISTERED', 'ASSESSED', 'DECISION_DRAFTED', 'DECIDED', 'APPEALED', 'CLOSED'))
);
CREATE INDEX asylum_application_person_idx ON asylum_application (person_id, status);
CREATE INDEX asylum_application_queue_idx ON asylum_application (jurisdiction, status, decision_due_on);
CREATE UNIQUE INDEX asylum_application_referral_uk ON asylum_application (referral_id);

CREATE TABLE asylum_application_child (
  application_id UUID NOT NULL,
  person_id      UUID NOT NULL,
  CONSTRAINT asylum_application_child_pk PRIMARY KEY (application_id, person_id),
  CONSTRAINT asylum_application_child_application_fk FOREIGN KEY (application_id) REFERENCES asylum_application (id)
);
CREATE INDEX asylum_application_child_person_idx ON asylum_application_child (person_id);

CREATE TABLE asylum_application_event (
  id             UUID                     NOT NULL,
  application_id UUID                     NOT NULL,
  action         VARCHAR(40)              NOT NULL,
  from_status    VARCHAR(20),
  to_status      VARCHAR(20)              NOT NULL,
  effective_on   DATE                     NOT NULL,
  recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  recorded_by    VARCHAR(100)             NOT NULL,
  details        VARCHAR(2000),
  CONSTRAINT asylum_application_event_pk PRIMARY KEY (id),
  CONSTRAINT asylum_application_event_application_fk FOREIGN KEY (application_id) REFERENCES asylum_application (id)
);
CREATE INDEX asylum_application_event_application_idx ON asylum_application_event (application_id, recorded_at);
CREATE INDEX asylum_application_event_effective_idx ON asylum_application_event (to_status, effective_on);

CREATE TABLE asylum_certificate (
  id             UUID                     NOT NULL,
  application_id UUID                     NOT NULL,
  number         VARCHAR(30)              NOT NULL,
  valid_from     DATE                     NOT NULL,
  valid_until    DATE                     NOT NULL,
  issued_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT asylum_certificate_pk PRIMARY KEY (id),
  CONSTRAINT asylum_certificate_number_uk UNIQUE (number),
  CONSTRAINT asylum_certificate_application_fk FOREIGN KEY (application_id) REFERENCES asylum_application (id)
);
CREATE INDEX asylum_certificate_application_idx ON asylum_certificate (application_id, valid_from);

CREATE TABLE asylum_number_counter (
  jurisdiction VARCHAR(3) NOT NULL,
  counted_year INTEGER    NOT NULL,
  last_number  BIGINT     NOT NULL,
  CONSTRAINT asylum_number_counter_pk PRIMARY KEY (jurisdiction, counted_year)
);

-- The interview record is sensitive: only the eligibility officers, decision makers and appeals officers of the
-- jurisdiction's cases read it, and every reading is audited.
CREATE TABLE asylum_interview (
  id                    UUID                     NOT NULL,
  application_id        UUID                     NOT NULL,
  scheduled_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  place                 VARCHAR(200)             NOT NULL,
  interpreter_language  VARCHAR(3),
  interviewer_sex       VARCHAR(15),
  interpreter_sex       VARCHAR(15),
  status                VARCHAR(10)              NOT NULL,
  held_on               DATE,
  record                VARCHAR(100000),
  recorded_by           VARCHAR(100)             NOT NULL,
  recorded_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT asylum_interview_pk PRIMARY KEY (id),
  CONSTRAINT asylum_interview_application_fk FOREIGN KEY (application_id) REFERENCES asylum_application (id),
  CONSTRAINT asylum_interview_status_ck CHECK (status IN ('SCHEDULED', 'HELD', 'NO_SHOW'))
);
CREATE INDEX asylum_interview_application_idx ON asylum_interview (application_id, scheduled_at);

CREATE TABLE asylum_assessment (
  application_id        UUID                     NOT NULL,
  recommendation        VARCHAR(10)              NOT NULL,
  convention_grounds    VARCHAR(200)             NOT NULL,
  summary               VARCHAR(20000)           NOT NULL,
  exclusion_considered  BOOLEAN                  NOT NULL,
  assessed_by           VARCHAR(100)             NOT NULL,
  assessed_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT asylum_assessment_pk PRIMARY KEY (application_id),
  CONSTRAINT asylum_assessment_application_fk FOREIGN KEY (application_id) REFERENCES asylum_application (id)
);

-- Four eyes: a decision is drafted by one officer and approved by a different decision maker.
CREATE TABLE asylum_decision (
  id              UUID                     NOT NULL,
  application_id  UUID                     NOT NULL,
  outcome         VARCHAR(20)              NOT NULL,
  reasons         VARCHAR(20000)           NOT NULL,
  drafted_by      VARCHAR(100)             NOT NULL,
  drafted_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  state           VARCHAR(10)              NOT NULL,
  decided_by      VARCHAR(100),
  decided_at      TIMESTAMP WITH TIME ZONE,
  returned_reason VARCHAR(2000),
  family_unity_with UUID,
  consent_on      DATE,
  CONSTRAINT asylum_decision_pk PRIMARY KEY (id),
  CONSTRAINT asylum_decision_application_fk FOREIGN KEY (application_id) REFERENCES asylum_application (id),
  CONSTRAINT asylum_decision_state_ck CHECK (state IN ('DRAFT', 'APPROVED', 'RETURNED')),
  CONSTRAINT asylum_decision_four_eyes_ck CHECK (decided_by IS NULL OR decided_by <> drafted_by)
);
CREATE INDEX asylum_decision_application_idx ON asylum_decision (application_id, drafted_at);

-- Appeals: administrative review, then judicial review; each lodged within its window, suspensive by default.
CREATE TABLE asylum_appeal (
  id             UUID                     NOT NULL,
  application_id UUID                     NOT NULL,
  level          VARCHAR(15)              NOT NULL,
  lodged_on      DATE                     NOT NULL,
  suspensive     BOOLEAN                  NOT NULL,
  status         VARCHAR(10)              NOT NULL,
  decided_on     DATE,
  remedy         VARCHAR(20),
  recorded_by    VARCHAR(100)             NOT NULL,
  recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT asylum_appeal_pk PRIMARY KEY (id),
  CONSTRAINT asylum_appeal_application_fk FOREIGN KEY (application_id) REFERENCES asylum_application (id),
  CONSTRAINT asylum_appeal_level_ck CHECK (level IN ('ADMINISTRATIVE', 'JUDICIAL')),
  CONSTRAINT asylum_appeal_status_ck CHECK (status IN ('PENDING', 'UPHELD', 'DISMISSED'))
);
CREATE INDEX asylum_appeal_application_idx ON asylum_appeal (application_id, lodged_on);

-- Grounds on which refugee status ends, as data (domain.md, [C]: not confirmed against the official text).
CREATE TABLE asylum_status_end_ground (
  kind      VARCHAR(12)  NOT NULL,
  code      VARCHAR(40)  NOT NULL,
  basis     VARCHAR(500) NOT NULL,
  confirmed BOOLEAN      NOT NULL,
  CONSTRAINT asylum_status_end_ground_pk PRIMARY KEY (kind, code),
  CONSTRAINT asylum_status_end_ground_kind_ck CHECK (kind IN ('TERMINATED', 'DEPRIVED'))
);
INSERT INTO asylum_status_end_ground (kind, code, basis, confirmed) VALUES
  ('TERMINATED', 'RE_AVAILMENT', 'Voluntary re-availment of the protection of the country of nationality [C]', FALSE),
  ('TERMINATED', 'NEW_NATIONALITY', 'Acquisition of a new nationality, including Kazakhstan''s by naturalization [C]', FALSE),
  ('TERMINATED', 'VOLUNTARY_RETURN', 'Voluntary re-establishment in the country of origin [C]', FALSE),
  ('TERMINATED', 'RENUNCIATION', 'Written renunciation of refugee status [C]', FALSE),
  ('TERMINATED', 'NO_EXTENSION_APPLIED', 'No application for extension before expiry [C]', FALSE),
  ('DEPRIVED', 'FALSE_INFORMATION', 'Status obtained on false information or forged documents [C]', FALSE),
  ('DEPRIVED', 'EXCLUSION_FOUND_LATER', 'Exclusion grounds (1951 Convention, Article 1F) established after recognition [C]', FALSE),
  ('DEPRIVED', 'SERIOUS_CRIME', 'Conviction for a serious crime in Kazakhstan [C]', FALSE);
