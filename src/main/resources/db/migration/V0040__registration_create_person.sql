-- People: the record everything else hangs on. Names, nationalities, languages, documents and specific
-- needs are child rows of the person (one Spring Data JDBC aggregate); names are stored as entered.
CREATE TABLE registration_person (
  id                   UUID                     NOT NULL,
  jurisdiction         VARCHAR(3)               NOT NULL,
  registration_number  VARCHAR(20)              NOT NULL,
  status               VARCHAR(20)              NOT NULL,
  sex                  VARCHAR(10),
  birth_date           DATE,
  birth_date_precision VARCHAR(10),
  place_of_birth       VARCHAR(200),
  marital_status       VARCHAR(20),
  education            VARCHAR(20),
  occupation           VARCHAR(200),
  phone                VARCHAR(40),
  email                VARCHAR(254),
  address_region       VARCHAR(200),
  address_locality     VARCHAR(200),
  address_line         VARCHAR(200),
  ethnicity            VARCHAR(200),
  religion             VARCHAR(200),
  registered_by        UUID,
  organisation_id      UUID,
  created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  version              BIGINT                   NOT NULL,
  CONSTRAINT registration_person_pk PRIMARY KEY (id),
  CONSTRAINT registration_person_number_uq UNIQUE (registration_number)
);
CREATE INDEX registration_person_jurisdiction_idx ON registration_person (jurisdiction, id);

CREATE TABLE registration_person_name (
  person_id  UUID         NOT NULL,
  idx        INTEGER      NOT NULL,
  given      VARCHAR(200),
  family     VARCHAR(200),
  patronymic VARCHAR(200),
  script     VARCHAR(4)   NOT NULL,
  kind       VARCHAR(10)  NOT NULL,
  CONSTRAINT registration_person_name_pk PRIMARY KEY (person_id, idx),
  CONSTRAINT registration_person_name_person_fk FOREIGN KEY (person_id) REFERENCES registration_person (id) ON DELETE CASCADE
);

CREATE TABLE registration_person_nationality (
  person_id UUID       NOT NULL,
  idx       INTEGER    NOT NULL,
  code      VARCHAR(3) NOT NULL,
  CONSTRAINT registration_person_nationality_pk PRIMARY KEY (person_id, idx),
  CONSTRAINT registration_person_nationality_person_fk FOREIGN KEY (person_id) REFERENCES registration_person (id) ON DELETE CASCADE
);

CREATE TABLE registration_person_language (
  person_id UUID       NOT NULL,
  idx       INTEGER    NOT NULL,
  code      VARCHAR(3) NOT NULL,
  CONSTRAINT registration_person_language_pk PRIMARY KEY (person_id, idx),
  CONSTRAINT registration_person_language_person_fk FOREIGN KEY (person_id) REFERENCES registration_person (id) ON DELETE CASCADE
);

-- number_key is the number reduced for exact search: upper case, letters and digits only.
CREATE TABLE registration_person_document (
  person_id       UUID        NOT NULL,
  idx             INTEGER     NOT NULL,
  type            VARCHAR(20) NOT NULL,
  number          VARCHAR(60) NOT NULL,
  number_key      VARCHAR(60) NOT NULL,
  issuing_country VARCHAR(3),
  issued_on       DATE,
  expires_on      DATE,
  CONSTRAINT registration_person_document_pk PRIMARY KEY (person_id, idx),
  CONSTRAINT registration_person_document_person_fk FOREIGN KEY (person_id) REFERENCES registration_person (id) ON DELETE CASCADE
);
CREATE INDEX registration_person_document_number_idx ON registration_person_document (number_key);

CREATE TABLE registration_person_need (
  person_id  UUID                     NOT NULL,
  idx        INTEGER                  NOT NULL,
  code       VARCHAR(10)              NOT NULL,
  flagged_at TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT registration_person_need_pk PRIMARY KEY (person_id, idx),
  CONSTRAINT registration_person_need_person_fk FOREIGN KEY (person_id) REFERENCES registration_person (id) ON DELETE CASCADE
);
