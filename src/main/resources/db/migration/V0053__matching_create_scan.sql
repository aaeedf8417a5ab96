-- Full duplicate scans (for a legacy import): progress, and the pairs found, grouped into clusters.
CREATE TABLE matching_scan (
  id           UUID                     NOT NULL,
  jurisdiction VARCHAR(3)               NOT NULL,
  status       VARCHAR(20)              NOT NULL,
  processed    BIGINT                   NOT NULL,
  total        BIGINT                   NOT NULL,
  pairs        BIGINT                   NOT NULL,
  clusters     BIGINT                   NOT NULL,
  started_by   UUID,
  started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  finished_at  TIMESTAMP WITH TIME ZONE,
  CONSTRAINT matching_scan_pk PRIMARY KEY (id)
);

CREATE TABLE matching_scan_pair (
  scan_id    UUID             NOT NULL,
  cluster_no BIGINT           NOT NULL,
  person_a   UUID             NOT NULL,
  person_b   UUID             NOT NULL,
  score      DOUBLE PRECISION NOT NULL,
  reasons    VARCHAR(1000)    NOT NULL,
  CONSTRAINT matching_scan_pair_pk PRIMARY KEY (scan_id, person_a, person_b)
);
CREATE INDEX matching_scan_pair_cluster_idx ON matching_scan_pair (scan_id, cluster_no);
