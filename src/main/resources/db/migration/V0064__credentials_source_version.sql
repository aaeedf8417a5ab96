-- Issue 6: what a document attests of the record it was printed from, as the source module words it (a decision
-- letter: the outcome and day of the decision it records), so that a later decision on the same application ends the
-- letter at once. Null where the record itself is what stands (certificates, referral slips).
ALTER TABLE credentials_issued_document ADD COLUMN source_version VARCHAR(100);
