-- Duplicate review and merge. A merged record keeps its row and its history, with status MERGED and the
-- record it was merged into; undoing the merge clears both.
ALTER TABLE registration_person ADD COLUMN merged_into UUID;

-- version: two caseworkers deciding the same pair at once: the second one's decision is refused.
-- found_by: REGISTRATION (after a single registration) or SCAN (a full duplicate scan).
-- survivor and merge_additions: after a "same person" decision, the record that was kept and exactly what
-- the merge added to it (JSON: names, documents, nationalities, languages, specific needs), so the merge
-- can be undone.
ALTER TABLE registration_duplicate_review ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE registration_duplicate_review ADD COLUMN found_by VARCHAR(20) DEFAULT 'REGISTRATION' NOT NULL;
ALTER TABLE registration_duplicate_review ADD COLUMN survivor UUID;
ALTER TABLE registration_duplicate_review ADD COLUMN merge_additions TEXT;
CREATE INDEX registration_duplicate_review_score_idx ON registration_duplicate_review (jurisdiction, status, score);
