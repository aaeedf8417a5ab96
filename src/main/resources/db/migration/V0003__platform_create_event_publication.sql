-- Spring Modulith 2.0 JDBC event publication registry (schema v2), written for both H2 and PostgreSQL.
CREATE TABLE event_publication (
  id                     UUID                     NOT NULL,
  listener_id            VARCHAR(512)             NOT NULL,
  event_type             VARCHAR(512)             NOT NULL,
  serialized_event       TEXT                     NOT NULL,
  publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
  completion_date        TIMESTAMP WITH TIME ZONE,
  status                 VARCHAR(20),
  completion_attempts    INTEGER,
  last_resubmission_date TIMESTAMP WITH TIME ZONE,
  CONSTRAINT event_publication_pk PRIMARY KEY (id)
);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
