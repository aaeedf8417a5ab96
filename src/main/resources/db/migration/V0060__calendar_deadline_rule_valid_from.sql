-- Deadline rules change over time (issue 5, item 8): a lawyer corrects a [C] default, a new law changes the appeal
-- window. A change is a new version of the rule with the day it takes effect; the old version stays, so cases
-- opened before that day keep the rule they were opened under, and each page can say which version applied.
-- The versions seeded so far have been in force "from the start" (1900-01-01: no earlier case exists).
ALTER TABLE calendar_deadline_rule ADD COLUMN valid_from DATE DEFAULT DATE '1900-01-01' NOT NULL;
ALTER TABLE calendar_deadline_rule ADD COLUMN recorded_by VARCHAR(100);
ALTER TABLE calendar_deadline_rule ADD COLUMN recorded_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE calendar_deadline_rule DROP CONSTRAINT calendar_deadline_rule_pk;
ALTER TABLE calendar_deadline_rule ADD CONSTRAINT calendar_deadline_rule_pk PRIMARY KEY (jurisdiction, procedure_code, step_code, valid_from);
