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

-- The photo part of each person's history: who added, replaced or removed a photo, and when.
CREATE TABLE registration_photo_change (
  id                UUID                     NOT NULL,
  person_id         UUID                     NOT NULL,
  changed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  kind              VARCHAR(20)              NOT NULL,
  detail            VARCHAR(200),
  actor_id          UUID,
  actor_username    VARCHAR(100),
  organisation_id   UUID,
  organisation_name VARCHAR(200),
  CONSTRAINT registration_photo_change_pk PRIMARY KEY (id)
);
CREATE INDEX registration_photo_change_person_idx ON registration_photo_change (person_id, changed_at);
