-- Legal deadline rules per jurisdiction, procedure and step, counted in a unit AFTER or BEFORE the
-- event named in counted_from. confirmed = read in the official text ([V] in domain.md); false =
-- a default awaiting a lawyer's check ([C]). ends_on_working_day: a calendar-day or month deadline
-- whose last day is not a working day ends on the nearest working day (later when counted AFTER,
-- earlier when counted BEFORE).
CREATE TABLE calendar_deadline_rule (
  jurisdiction        VARCHAR(3)   NOT NULL,
  procedure_code      VARCHAR(40)  NOT NULL,
  step_code           VARCHAR(60)  NOT NULL,
  amount              INTEGER      NOT NULL,
  unit                VARCHAR(14)  NOT NULL,
  direction           VARCHAR(6)   NOT NULL,
  counted_from        VARCHAR(200) NOT NULL,
  basis               VARCHAR(500) NOT NULL,
  confirmed           BOOLEAN      NOT NULL,
  ends_on_working_day BOOLEAN      NOT NULL,
  CONSTRAINT calendar_deadline_rule_pk PRIMARY KEY (jurisdiction, procedure_code, step_code),
  CONSTRAINT calendar_deadline_rule_jurisdiction_fk FOREIGN KEY (jurisdiction) REFERENCES calendar_jurisdiction (code),
  CONSTRAINT calendar_deadline_rule_unit_ck CHECK (unit IN ('CALENDAR_DAYS', 'WORKING_DAYS', 'HOURS', 'MONTHS')),
  CONSTRAINT calendar_deadline_rule_direction_ck CHECK (direction IN ('AFTER', 'BEFORE')),
  CONSTRAINT calendar_deadline_rule_amount_ck CHECK (amount >= 0)
);
