-- Events recorded by a transaction are written here, in that transaction, without any lock; right after
-- it commits they are moved into the hash chain (audit_event) by a short sealing transaction that takes
-- the chain's head lock. Holding the head lock through every business commit capped the whole system at
-- one commit at a time (issue 3: 16 clients queued behind one row); sealing appends many transactions'
-- events under one lock and one commit. An event is durable once its transaction commits; it becomes
-- part of the chain (tamper-evident) when sealed, normally before the request that made it answers.
CREATE TABLE audit_pending_event (
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
  CONSTRAINT audit_pending_event_pk PRIMARY KEY (id)
);
CREATE INDEX audit_pending_event_order_idx ON audit_pending_event (occurred_at, id);
