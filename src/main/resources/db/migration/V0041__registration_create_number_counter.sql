-- Registration numbers (KAZ-26-000123) per jurisdiction and year. Nodes take blocks of numbers from
-- this counter in short transactions of their own (hi/lo), so no create holds the row until it commits.
-- next_value is the first number not yet handed out to any node. Numbers are never reused; gaps are fine.
CREATE TABLE registration_number_counter (
  jurisdiction VARCHAR(3) NOT NULL,
  registration_year INTEGER NOT NULL,
  next_value   BIGINT     NOT NULL,
  CONSTRAINT registration_number_counter_pk PRIMARY KEY (jurisdiction, registration_year)
);
