-- Jurisdictions Pana serves (ISO 3166-1 alpha-3).
CREATE TABLE access_jurisdiction (
  code VARCHAR(3)   NOT NULL,
  name VARCHAR(200) NOT NULL,
  CONSTRAINT access_jurisdiction_pk PRIMARY KEY (code)
);
INSERT INTO access_jurisdiction (code, name) VALUES
  ('KAZ', 'Kazakhstan'), ('KGZ', 'Kyrgyz Republic'), ('TJK', 'Tajikistan'), ('TKM', 'Turkmenistan');

CREATE TABLE access_organisation (
  id           UUID                     NOT NULL,
  name         VARCHAR(200)             NOT NULL,
  type         VARCHAR(30)              NOT NULL,
  jurisdiction VARCHAR(3)               NOT NULL,
  active       BOOLEAN                  NOT NULL,
  demo         BOOLEAN                  NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  version      BIGINT                   NOT NULL,
  CONSTRAINT access_organisation_pk PRIMARY KEY (id),
  CONSTRAINT access_organisation_jurisdiction_fk FOREIGN KEY (jurisdiction) REFERENCES access_jurisdiction (code),
  CONSTRAINT access_organisation_name_uq UNIQUE (jurisdiction, name)
);

CREATE TABLE access_user (
  id                  UUID                     NOT NULL,
  username            VARCHAR(100)             NOT NULL,
  display_name        VARCHAR(200)             NOT NULL,
  password_hash       VARCHAR(200)             NOT NULL,
  organisation_id     UUID                     NOT NULL,
  active              BOOLEAN                  NOT NULL,
  demo                BOOLEAN                  NOT NULL,
  created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  password_changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
  version             BIGINT                   NOT NULL,
  CONSTRAINT access_user_pk PRIMARY KEY (id),
  CONSTRAINT access_user_username_uq UNIQUE (username),
  CONSTRAINT access_user_organisation_fk FOREIGN KEY (organisation_id) REFERENCES access_organisation (id)
);

CREATE TABLE access_user_role (
  user_id UUID        NOT NULL,
  role    VARCHAR(40) NOT NULL,
  CONSTRAINT access_user_role_pk PRIMARY KEY (user_id, role),
  CONSTRAINT access_user_role_user_fk FOREIGN KEY (user_id) REFERENCES access_user (id) ON DELETE CASCADE
);
