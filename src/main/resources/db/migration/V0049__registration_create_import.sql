-- Imports of lists of people (CSV, XLSX): the file's identity, its mapping and the progress of its run.
-- One file per jurisdiction: the same bytes uploaded again find this row (file_sha256), so nothing is
-- registered twice.
CREATE TABLE registration_import (
  id                UUID                     NOT NULL,
  jurisdiction      VARCHAR(3)               NOT NULL,
  file_name         VARCHAR(255)             NOT NULL,
  file_sha256       VARCHAR(64)              NOT NULL,
  file_format       VARCHAR(10)              NOT NULL,
  file_size         BIGINT                   NOT NULL,
  header            TEXT                     NOT NULL,
  row_count         INTEGER                  NOT NULL,
  mapping           TEXT,
  mapping_sha256    VARCHAR(64),
  status            VARCHAR(20)              NOT NULL,
  checked_valid     INTEGER,
  checked_invalid   INTEGER,
  rows_done         INTEGER                  NOT NULL,
  rows_registered   INTEGER                  NOT NULL,
  rows_rejected     INTEGER                  NOT NULL,
  created_by        UUID                     NOT NULL,
  created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  run_by            UUID,
  run_by_name       VARCHAR(100),
  run_organisation_id   UUID,
  run_organisation_name VARCHAR(200),
  started_at        TIMESTAMP WITH TIME ZONE,
  finished_at       TIMESTAMP WITH TIME ZONE,
  lease_owner       VARCHAR(255),
  lease_until       TIMESTAMP WITH TIME ZONE,
  version           BIGINT                   NOT NULL,
  CONSTRAINT registration_import_pk PRIMARY KEY (id),
  CONSTRAINT registration_import_file_uq UNIQUE (jurisdiction, file_sha256)
);
CREATE INDEX registration_import_jurisdiction_idx ON registration_import (jurisdiction, created_at);
CREATE INDEX registration_import_status_idx ON registration_import (status, lease_until);

-- The rows of an imported file as read (cells as a JSON array of strings), and what became of each:
-- a row is marked REGISTERED in the same transaction as the person it created.
CREATE TABLE registration_import_row (
  import_id  UUID        NOT NULL,
  row_number INTEGER     NOT NULL,
  cells      TEXT        NOT NULL,
  status     VARCHAR(12) NOT NULL,
  person_id  UUID,
  CONSTRAINT registration_import_row_pk PRIMARY KEY (import_id, row_number),
  CONSTRAINT registration_import_row_import_fk FOREIGN KEY (import_id) REFERENCES registration_import (id) ON DELETE CASCADE
);
CREATE INDEX registration_import_row_status_idx ON registration_import_row (import_id, status, row_number);

-- Every invalid row with the field and the reason, from the dry run (CHECK) or the real run (RUN).
CREATE TABLE registration_import_problem (
  import_id  UUID          NOT NULL,
  phase      VARCHAR(10)   NOT NULL,
  row_number INTEGER       NOT NULL,
  seq        INTEGER       NOT NULL,
  column_name VARCHAR(200),
  field      VARCHAR(200)  NOT NULL,
  code       VARCHAR(100)  NOT NULL,
  message    VARCHAR(1000) NOT NULL,
  CONSTRAINT registration_import_problem_pk PRIMARY KEY (import_id, phase, row_number, seq),
  CONSTRAINT registration_import_problem_import_fk FOREIGN KEY (import_id) REFERENCES registration_import (id) ON DELETE CASCADE
);
