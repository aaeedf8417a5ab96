-- Case assignment (issue 5, item 8, "my cases"): the officer who works on an open application, by username, and
-- since when. The queue index serves "my cases" of a jurisdiction, open ones first by status.
ALTER TABLE asylum_application ADD COLUMN assigned_to VARCHAR(100);
ALTER TABLE asylum_application ADD COLUMN assigned_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX asylum_application_assignee_idx ON asylum_application (jurisdiction, assigned_to, status);
