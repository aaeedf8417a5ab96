-- Notices (issue 4): short messages that tell an organisation, or the holders of a role or the organisations of a
-- type in a jurisdiction, that something needs them (a referral received, a removal blocked or carried out despite
-- a ground). A notice carries no personal data: its kind, what it is about (type and id) and a link inside Pana.
-- Each notice has exactly one audience; a user reads a notice addressed to their organisation, to one of their
-- roles in their jurisdiction, or to their organisation's type in their jurisdiction.
CREATE TABLE notification_notice (
  id                         UUID                     NOT NULL,
  kind                       VARCHAR(40)              NOT NULL,
  subject_type               VARCHAR(40)              NOT NULL,
  subject_id                 UUID                     NOT NULL,
  link                       VARCHAR(300)             NOT NULL,
  audience_organisation_id   UUID,
  audience_role              VARCHAR(40),
  audience_organisation_type VARCHAR(40),
  audience_jurisdiction      VARCHAR(3),
  created_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT notification_notice_pk PRIMARY KEY (id),
  CONSTRAINT notification_notice_internal_link CHECK (link LIKE '/%' AND link NOT LIKE '//%'),
  CONSTRAINT notification_notice_one_audience CHECK (
       (audience_organisation_id IS NOT NULL AND audience_role IS NULL AND audience_organisation_type IS NULL
        AND audience_jurisdiction IS NULL)
    OR (audience_organisation_id IS NULL AND audience_role IS NOT NULL AND audience_organisation_type IS NULL
        AND audience_jurisdiction IS NOT NULL)
    OR (audience_organisation_id IS NULL AND audience_role IS NULL AND audience_organisation_type IS NOT NULL
        AND audience_jurisdiction IS NOT NULL))
);
CREATE INDEX notification_notice_organisation_idx ON notification_notice (audience_organisation_id, created_at);
CREATE INDEX notification_notice_role_idx ON notification_notice (audience_jurisdiction, audience_role, created_at);
CREATE INDEX notification_notice_type_idx ON notification_notice (audience_jurisdiction, audience_organisation_type, created_at);

-- Who has read which notice (a notice to many people is read by each on their own).
CREATE TABLE notification_read (
  notice_id UUID                     NOT NULL,
  user_id   UUID                     NOT NULL,
  read_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT notification_read_pk PRIMARY KEY (notice_id, user_id),
  CONSTRAINT notification_read_notice_fk FOREIGN KEY (notice_id) REFERENCES notification_notice (id)
);
CREATE INDEX notification_read_user_idx ON notification_read (user_id);

-- The organisation to alert for a purpose in a jurisdiction, from a date (until a date, if it ends): data an
-- operator sets in SQL (docs/operations.md). CHILD_PROTECTION: the child protection body told of an
-- unaccompanied or separated child referred from the border.
CREATE TABLE notification_contact (
  jurisdiction    VARCHAR(3)  NOT NULL,
  purpose         VARCHAR(40) NOT NULL,
  organisation_id UUID        NOT NULL,
  valid_from      DATE        NOT NULL,
  valid_until     DATE,
  CONSTRAINT notification_contact_pk PRIMARY KEY (jurisdiction, purpose, valid_from),
  CONSTRAINT notification_contact_purpose CHECK (purpose IN ('CHILD_PROTECTION')),
  CONSTRAINT notification_contact_period CHECK (valid_until IS NULL OR valid_until >= valid_from)
);
