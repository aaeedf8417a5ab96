-- Every specific need newly flagged on a person waits here until protection staff review it (domain.md).
CREATE TABLE registration_protection_review (
  id           UUID                     NOT NULL,
  person_id    UUID                     NOT NULL,
  jurisdiction VARCHAR(3)               NOT NULL,
  need_code    VARCHAR(10)              NOT NULL,
  flagged_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  flagged_by   UUID,
  status       VARCHAR(10)              NOT NULL,
  reviewed_by  UUID,
  reviewed_at  TIMESTAMP WITH TIME ZONE,
  CONSTRAINT registration_protection_review_pk PRIMARY KEY (id)
);
CREATE INDEX registration_protection_review_open_idx ON registration_protection_review (jurisdiction, status, flagged_at);
