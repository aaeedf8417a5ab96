-- The audit trail: append-only, each event chained to the one before by its hash.
CREATE TABLE audit_event (
  seq             BIGINT                   NOT NULL,
  id              UUID                     NOT NULL,
  occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  actor_id        UUID,
  actor           VARCHAR(100),
  organisation_id UUID,
  organisation    VARCHAR(200),
  action          VARCHAR(60)              NOT NULL,
  subject_type    VARCHAR(60),
  subject_id      VARCHAR(100),
  outcome         VARCHAR(20)              NOT NULL,
  client_address  VARCHAR(64),
  purpose         VARCHAR(200),
  details         VARCHAR(1000),
  previous_hash   CHAR(64)                 NOT NULL,
  hash            CHAR(64)                 NOT NULL,
  CONSTRAINT audit_event_pk PRIMARY KEY (seq)
);
CREATE UNIQUE INDEX audit_event_id_idx ON audit_event (id);
CREATE INDEX audit_event_subject_idx ON audit_event (subject_id, occurred_at);
CREATE INDEX audit_event_actor_idx ON audit_event (actor, occurred_at);
CREATE INDEX audit_event_occurred_idx ON audit_event (occurred_at);

-- The chain's head: the last sequence number and hash. Its row lock serialises appends, and comparing
-- it with the last row detects a deleted last event.
CREATE TABLE audit_chain_head (
  id        INTEGER  NOT NULL,
  last_seq  BIGINT   NOT NULL,
  last_hash CHAR(64) NOT NULL,
  CONSTRAINT audit_chain_head_pk PRIMARY KEY (id)
);
INSERT INTO audit_chain_head (id, last_seq, last_hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
