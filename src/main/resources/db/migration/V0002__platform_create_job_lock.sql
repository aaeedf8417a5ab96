-- Scheduled jobs run on one node at a time: a node takes the row's lock until locked_until.
CREATE TABLE platform_job_lock (
  name         VARCHAR(100)             NOT NULL,
  locked_until TIMESTAMP WITH TIME ZONE NOT NULL,
  locked_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  locked_by    VARCHAR(255)             NOT NULL,
  CONSTRAINT platform_job_lock_pk PRIMARY KEY (name)
);

-- Each run of a scheduled job, for operators and for the test that proves one node runs it.
CREATE TABLE platform_job_run (
  id          UUID                     NOT NULL,
  name        VARCHAR(100)             NOT NULL,
  node        VARCHAR(255)             NOT NULL,
  started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  finished_at TIMESTAMP WITH TIME ZONE,
  outcome     VARCHAR(20),
  CONSTRAINT platform_job_run_pk PRIMARY KEY (id)
);
CREATE INDEX platform_job_run_name_idx ON platform_job_run (name, started_at);
