-- A person's photo: one current photo per person, stored as the re-encoded JPEG (never the upload),
-- with who stored it and when. Deleting a photo deletes its bytes; the person's history keeps the fact.
CREATE TABLE registration_photo (
  person_id         UUID                     NOT NULL,
  content           BYTEA                    NOT NULL,
  width             INTEGER                  NOT NULL,
  height            INTEGER                  NOT NULL,
  byte_size         INTEGER                  NOT NULL,
  sha256            CHAR(64)                 NOT NULL,
  stored_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  stored_by         UUID,
  stored_by_username VARCHAR(100),
  organisation_id   UUID,
  version           BIGINT                   NOT NULL,
  CONSTRAINT registration_photo_pk PRIMARY KEY (person_id),
  CONSTRAINT registration_photo_person_fk FOREIGN KEY (person_id) REFERENCES registration_person (id)
);
