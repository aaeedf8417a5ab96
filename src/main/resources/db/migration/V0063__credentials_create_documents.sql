-- Issued documents and the keys that sign them (issue 6, items 2 to 4).
-- One Ed25519 key pair per jurisdiction signs; a rotated key is retired (retired_at) and stays for verifying the
-- documents it signed. The private key is stored only encrypted (AES-256-GCM under the master key, which is never
-- in the database; AAD = jurisdiction and key id). active_jurisdiction equals jurisdiction while the key is active
-- and is NULL once retired: a plain unique constraint on it (NULLs are distinct on H2 and PostgreSQL) keeps one
-- active key per jurisdiction, also when two nodes create the first key at the same moment.
CREATE TABLE credentials_signing_key (
  key_id              VARCHAR(8)               NOT NULL,
  jurisdiction        VARCHAR(3)               NOT NULL,
  active_jurisdiction VARCHAR(3),
  public_key          BYTEA                    NOT NULL,
  private_key         BYTEA                    NOT NULL,
  iv                  BYTEA                    NOT NULL,
  created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  retired_at          TIMESTAMP WITH TIME ZONE,
  CONSTRAINT credentials_signing_key_pk PRIMARY KEY (key_id),
  CONSTRAINT credentials_signing_key_active_uq UNIQUE (active_jurisdiction),
  CONSTRAINT credentials_signing_key_active_ck CHECK ((retired_at IS NULL AND active_jurisdiction = jurisdiction)
      OR (retired_at IS NOT NULL AND active_jurisdiction IS NULL))
);

-- Every document Pana issued: what was printed (the fields as JSON text, the photo as printed), the signed
-- verification code of its QR, the PDF itself, what it was issued from (e.g. ASYLUM_CERTIFICATE and the
-- certificate's id) and whether a later document replaced it or it was revoked.
CREATE TABLE credentials_issued_document (
  id             UUID                     NOT NULL,
  jurisdiction   VARCHAR(3)               NOT NULL,
  person_id      UUID                     NOT NULL,
  type           VARCHAR(40)              NOT NULL,
  number         VARCHAR(32)              NOT NULL,
  valid_from     DATE                     NOT NULL,
  valid_until    DATE,
  language       VARCHAR(8)               NOT NULL,
  layout         VARCHAR(8)               NOT NULL,
  printed        TEXT                     NOT NULL,
  photo          BYTEA,
  photo_sha256   VARCHAR(64),
  printed_hash   VARCHAR(64)              NOT NULL,
  key_id         VARCHAR(8)               NOT NULL,
  code           VARCHAR(300)             NOT NULL,
  pdf            BYTEA                    NOT NULL,
  source_type    VARCHAR(40)              NOT NULL,
  source_id      UUID                     NOT NULL,
  replaced_by    UUID,
  revoked_at     TIMESTAMP WITH TIME ZONE,
  revoked_reason VARCHAR(200),
  issued_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  issued_by      VARCHAR(100)             NOT NULL,
  CONSTRAINT credentials_issued_document_pk PRIMARY KEY (id),
  CONSTRAINT credentials_issued_document_key_fk FOREIGN KEY (key_id) REFERENCES credentials_signing_key (key_id),
  CONSTRAINT credentials_issued_document_replaced_fk FOREIGN KEY (replaced_by) REFERENCES credentials_issued_document (id),
  CONSTRAINT credentials_issued_document_type_ck CHECK (type IN ('ASYLUM_SEEKER_CERTIFICATE', 'REFUGEE_CERTIFICATE',
      'DECISION_LETTER', 'BORDER_REFERRAL_SLIP')),
  CONSTRAINT credentials_issued_document_layout_ck CHECK (layout IN ('A4', 'ID1'))
);
CREATE INDEX credentials_issued_document_person_idx ON credentials_issued_document (person_id, type);
CREATE INDEX credentials_issued_document_source_idx ON credentials_issued_document (source_type, source_id);

-- How often documents were verified, per document and day; not-genuine codes are counted under a NULL document.
-- Counts only: never who verified, from where, or with which code. Two nodes may each add a row for the same
-- document and day; readers sum.
CREATE TABLE credentials_verification_count (
  document_id UUID,
  verified_on DATE NOT NULL,
  verifications BIGINT NOT NULL,
  CONSTRAINT credentials_verification_count_document_fk FOREIGN KEY (document_id) REFERENCES credentials_issued_document (id)
);
CREATE INDEX credentials_verification_count_idx ON credentials_verification_count (document_id, verified_on);
