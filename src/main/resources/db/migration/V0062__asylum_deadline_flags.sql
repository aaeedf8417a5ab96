-- The daily deadline watch (issue 5, item 8): each deadline of a case that passed unmet, and each refugee's
-- extension invitation that fell due, is flagged once (one row per case, step and due day), with the day it was
-- flagged; the case's unit is notified when the flag is raised. A deadline that moves (an extension of
-- consideration) is a new due day, so it is flagged again if it passes too.
CREATE TABLE asylum_deadline_flag (
  application_id UUID                     NOT NULL,
  step           VARCHAR(60)              NOT NULL,
  due_on         DATE                     NOT NULL,
  kind           VARCHAR(20)              NOT NULL,
  flagged_on     DATE                     NOT NULL,
  flagged_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT asylum_deadline_flag_pk PRIMARY KEY (application_id, step, due_on),
  CONSTRAINT asylum_deadline_flag_application_fk FOREIGN KEY (application_id) REFERENCES asylum_application (id),
  CONSTRAINT asylum_deadline_flag_kind_ck CHECK (kind IN ('OVERDUE', 'INVITATION_DUE'))
);
CREATE INDEX asylum_deadline_flag_flagged_idx ON asylum_deadline_flag (flagged_on);
