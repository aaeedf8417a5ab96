-- A creating request's Idempotency-Key and its response, written in the same transaction as the record.
CREATE TABLE platform_idempotency_key (
  owner             VARCHAR(64)              NOT NULL,
  idempotency_key   VARCHAR(255)             NOT NULL,
  scope             VARCHAR(100)             NOT NULL,
  request_hash      VARCHAR(64)              NOT NULL,
  response_status   INTEGER                  NOT NULL,
  response_location VARCHAR(1000),
  response_body     TEXT,
  created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT platform_idempotency_key_pk PRIMARY KEY (owner, idempotency_key)
);
CREATE INDEX platform_idempotency_key_created_idx ON platform_idempotency_key (created_at);
