-- Seeds :cases asylum cases for bench/asylum-case-page.sh, on H2 (PostgreSQL mode) and on PostgreSQL 15 alike, into a
-- database Flyway already migrated (with Pana stopped). The script runs it after one line that fills bench_n with
-- 1..cases, the only statement that differs between the two (SYSTEM_RANGE on H2, generate_series on PostgreSQL).
-- Every case belongs to the demo asylum authority of KAZ, so the demo eligibility officer sees it:
--   * every case: one person (registration_person with a Latin and a Cyrillic name and a nationality), the
--     application and its LODGE event; two in three are registered (REGISTER event, certificate), one in three
--     also fingerprinted (RECORD_FINGERPRINTS event);
--   * cases 1..10 (the timed ones) have exactly 50 history entries: lodged, registered, fingerprinted, consideration
--     extended, twenty interviews the applicant missed, one held (with a long record), the assessment, a decision
--     drafted, returned and drafted again; two certificates; status DECISION_DRAFTED.
-- Ids are deterministic (the case number in the last twelve digits), so the script can name the timed cases.

CREATE TABLE bench_org AS
  SELECT id FROM access_organisation WHERE type = 'ASYLUM_AUTHORITY' AND jurisdiction = 'KAZ' AND demo = TRUE;

INSERT INTO registration_person (id, jurisdiction, registration_number, status, sex, birth_date, birth_date_precision, place_of_birth,
    marital_status, organisation_id, created_at, updated_at, version)
SELECT CAST('00000000-0000-4000-8001-' || LPAD(CAST(n AS VARCHAR), 12, '0') AS UUID), 'KAZ',
    'KAZ-90-' || LPAD(CAST(n AS VARCHAR), 6, '0'), 'ACTIVE', CASE WHEN MOD(n, 2) = 0 THEN 'FEMALE' ELSE 'MALE' END,
    DATE '1990-01-01', 'YEAR', 'Kabul', 'SINGLE', o.id,
    TIMESTAMP WITH TIME ZONE '2026-01-05 09:00:00+00', TIMESTAMP WITH TIME ZONE '2026-01-05 09:00:00+00', 0
FROM bench_n CROSS JOIN bench_org o;

INSERT INTO registration_person_name (person_id, idx, given, family, patronymic, script, kind)
SELECT CAST('00000000-0000-4000-8001-' || LPAD(CAST(n AS VARCHAR), 12, '0') AS UUID), 0, 'Ahmad' || CAST(n AS VARCHAR), 'Rahimi', NULL, 'Latn', 'DOCUMENT'
FROM bench_n;
INSERT INTO registration_person_name (person_id, idx, given, family, patronymic, script, kind)
SELECT CAST('00000000-0000-4000-8001-' || LPAD(CAST(n AS VARCHAR), 12, '0') AS UUID), 1, 'Ахмад' || CAST(n AS VARCHAR), 'Рахими', NULL, 'Cyrl', 'DECLARED'
FROM bench_n;
INSERT INTO registration_person_nationality (person_id, idx, code)
SELECT CAST('00000000-0000-4000-8001-' || LPAD(CAST(n AS VARCHAR), 12, '0') AS UUID), 0, 'AFG' FROM bench_n;

INSERT INTO asylum_application (id, jurisdiction, number, person_id, organisation_id, referral_id, lodged_on, lodged_at, arrived_on,
    irregular_entry, late_lodging, status, outcome, registered_on, fingerprinted_on, decision_due_on, created_by, created_at, version)
SELECT CAST('00000000-0000-4000-8002-' || LPAD(CAST(n AS VARCHAR), 12, '0') AS UUID), 'KAZ', 'KAZ-A-90-' || LPAD(CAST(n AS VARCHAR), 6, '0'),
    CAST('00000000-0000-4000-8001-' || LPAD(CAST(n AS VARCHAR), 12, '0') AS UUID), o.id, NULL,
    DATE '2026-01-05', 'Almaty, Department of Employment and Social Programmes', DATE '2026-01-02', FALSE, FALSE,
    CASE WHEN n <= 10 THEN 'DECISION_DRAFTED' WHEN MOD(n, 3) = 0 THEN 'LODGED' ELSE 'REGISTERED' END, NULL,
    CASE WHEN MOD(n, 3) = 0 AND n > 10 THEN NULL ELSE DATE '2026-01-08' END,
    CASE WHEN n <= 10 OR MOD(n, 3) = 1 THEN DATE '2026-01-12' ELSE NULL END,
    CASE WHEN n <= 10 THEN DATE '2026-07-08' WHEN MOD(n, 3) = 1 THEN DATE '2026-04-08' ELSE NULL END,
    'registration.officer', TIMESTAMP WITH TIME ZONE '2026-01-05 09:00:00+00', CASE WHEN n <= 10 THEN 49 ELSE 2 END
FROM bench_n CROSS JOIN bench_org o;

-- The ordinary cases' history: LODGE, then REGISTER (two in three), then RECORD_FINGERPRINTS (one in three).
INSERT INTO asylum_application_event (id, application_id, action, from_status, to_status, effective_on, recorded_at, recorded_by, details)
SELECT CAST('00000000-0000-4000-8003-' || LPAD(CAST(n * 10 + 1 AS VARCHAR), 12, '0') AS UUID),
    CAST('00000000-0000-4000-8002-' || LPAD(CAST(n AS VARCHAR), 12, '0') AS UUID), 'LODGE', NULL, 'LODGED', DATE '2026-01-05',
    TIMESTAMP WITH TIME ZONE '2026-01-05 09:00:00+00', 'registration.officer', NULL
FROM bench_n WHERE n > 10;
INSERT INTO asylum_application_event (id, application_id, action, from_status, to_status, effective_on, recorded_at, recorded_by, details)
SELECT CAST('00000000-0000-4000-8003-' || LPAD(CAST(n * 10 + 2 AS VARCHAR), 12, '0') AS UUID),
    CAST('00000000-0000-4000-8002-' || LPAD(CAST(n AS VARCHAR), 12, '0') AS UUID), 'REGISTER', 'LODGED', 'REGISTERED', DATE '2026-01-08',
    TIMESTAMP WITH TIME ZONE '2026-01-08 10:00:00+00', 'registration.officer', NULL
FROM bench_n WHERE n > 10 AND MOD(n, 3) <> 0;
INSERT INTO asylum_application_event (id, application_id, action, from_status, to_status, effective_on, recorded_at, recorded_by, details)
SELECT CAST('00000000-0000-4000-8003-' || LPAD(CAST(n * 10 + 3 AS VARCHAR), 12, '0') AS UUID),
    CAST('00000000-0000-4000-8002-' || LPAD(CAST(n AS VARCHAR), 12, '0') AS UUID), 'RECORD_FINGERPRINTS', 'REGISTERED', 'REGISTERED',
    DATE '2026-01-12', TIMESTAMP WITH TIME ZONE '2026-01-12 10:00:00+00', 'registration.officer', NULL
FROM bench_n WHERE n > 10 AND MOD(n, 3) = 1;
INSERT INTO asylum_certificate (id, application_id, number, valid_from, valid_until, issued_at)
SELECT CAST('00000000-0000-4000-8004-' || LPAD(CAST(n * 10 + 1 AS VARCHAR), 12, '0') AS UUID),
    CAST('00000000-0000-4000-8002-' || LPAD(CAST(n AS VARCHAR), 12, '0') AS UUID), 'KAZ-A-90-' || LPAD(CAST(n AS VARCHAR), 6, '0') || '/1',
    DATE '2026-01-08', DATE '2026-04-08', TIMESTAMP WITH TIME ZONE '2026-01-08 10:00:00+00'
FROM bench_n WHERE n <= 10 OR MOD(n, 3) <> 0;
INSERT INTO asylum_certificate (id, application_id, number, valid_from, valid_until, issued_at)
SELECT CAST('00000000-0000-4000-8004-' || LPAD(CAST(n * 10 + 2 AS VARCHAR), 12, '0') AS UUID),
    CAST('00000000-0000-4000-8002-' || LPAD(CAST(n AS VARCHAR), 12, '0') AS UUID), 'KAZ-A-90-' || LPAD(CAST(n AS VARCHAR), 6, '0') || '/2',
    DATE '2026-04-08', DATE '2026-07-08', TIMESTAMP WITH TIME ZONE '2026-04-06 10:00:00+00'
FROM bench_n WHERE n <= 10;

-- The timed cases' 50 entries: c is the case (1..10), k the entry (1..50), an hour apart in order.
CREATE TABLE bench_entry AS
  SELECT c.n AS c, k.n AS k,
    CASE WHEN k.n = 1 THEN 'LODGE' WHEN k.n = 2 THEN 'REGISTER' WHEN k.n = 3 THEN 'RECORD_FINGERPRINTS' WHEN k.n = 4 THEN 'EXTEND_CONSIDERATION'
         WHEN k.n <= 44 AND MOD(k.n, 2) = 1 THEN 'SCHEDULE_INTERVIEW' WHEN k.n <= 44 THEN 'RECORD_NO_SHOW'
         WHEN k.n = 45 THEN 'SCHEDULE_INTERVIEW' WHEN k.n = 46 THEN 'RECORD_INTERVIEW' WHEN k.n = 47 THEN 'SUBMIT_ASSESSMENT'
         WHEN k.n = 49 THEN 'RETURN_DECISION' ELSE 'DRAFT_DECISION' END AS action,
    CASE WHEN k.n = 1 THEN NULL WHEN k.n = 2 THEN 'LODGED' WHEN k.n <= 47 THEN 'REGISTERED' WHEN k.n = 49 THEN 'DECISION_DRAFTED'
         ELSE 'ASSESSED' END AS from_status,
    CASE WHEN k.n = 1 THEN 'LODGED' WHEN k.n <= 46 THEN 'REGISTERED' WHEN k.n = 47 OR k.n = 49 THEN 'ASSESSED'
         ELSE 'DECISION_DRAFTED' END AS to_status,
    CASE WHEN k.n = 1 THEN 'registration.officer' WHEN k.n <= 3 THEN 'registration.officer' ELSE 'eligibility.officer' END AS recorded_by,
    CASE WHEN k.n = 4 THEN 'Additional verification of identity documents with the consular section'
         WHEN k.n = 49 THEN 'Country of origin information for the province is out of date; please update and redraft.'
         WHEN k.n <= 44 AND MOD(k.n, 2) = 1 THEN 'Interview ' || CAST((k.n - 3) / 2 AS VARCHAR) || ' scheduled, interpreter prs'
         ELSE NULL END AS details
  FROM bench_n c CROSS JOIN bench_n k WHERE c.n <= 10 AND k.n <= 50;

INSERT INTO asylum_application_event (id, application_id, action, from_status, to_status, effective_on, recorded_at, recorded_by, details)
SELECT CAST('00000000-0000-4000-8005-' || LPAD(CAST(c * 100 + k AS VARCHAR), 12, '0') AS UUID),
    CAST('00000000-0000-4000-8002-' || LPAD(CAST(c AS VARCHAR), 12, '0') AS UUID), action, from_status, to_status,
    DATE '2026-01-05' + 3 * k, TIMESTAMP WITH TIME ZONE '2026-01-05 09:00:00+00' + INTERVAL '1' DAY * (3 * k), recorded_by, details
FROM bench_entry;

INSERT INTO asylum_interview (id, application_id, scheduled_at, place, interpreter_language, interviewer_sex, interpreter_sex, status,
    held_on, record, recorded_by, recorded_at)
SELECT CAST('00000000-0000-4000-8006-' || LPAD(CAST(c * 100 + k AS VARCHAR), 12, '0') AS UUID),
    CAST('00000000-0000-4000-8002-' || LPAD(CAST(c AS VARCHAR), 12, '0') AS UUID),
    TIMESTAMP WITH TIME ZONE '2026-01-05 09:00:00+00' + INTERVAL '1' DAY * (3 * k + 2), 'Almaty, interview room 2', 'prs', 'FEMALE', 'FEMALE',
    CASE WHEN k = 45 THEN 'HELD' ELSE 'NO_SHOW' END, CASE WHEN k = 45 THEN DATE '2026-01-05' + (3 * k + 2) ELSE NULL END,
    CASE WHEN k = 45 THEN REPEAT('The applicant describes the threats received from the local commander after refusing recruitment, '
        || 'the night the family left the village, and the route through the border crossing. ', 40) ELSE NULL END,
    'eligibility.officer', TIMESTAMP WITH TIME ZONE '2026-01-05 09:00:00+00' + INTERVAL '1' DAY * (3 * k + 3)
FROM bench_entry WHERE action = 'SCHEDULE_INTERVIEW';

INSERT INTO asylum_assessment (application_id, recommendation, convention_grounds, summary, exclusion_considered, assessed_by, assessed_at)
SELECT CAST('00000000-0000-4000-8002-' || LPAD(CAST(n AS VARCHAR), 12, '0') AS UUID), 'RECOGNISE', 'POLITICAL_OPINION,PARTICULAR_SOCIAL_GROUP',
    REPEAT('Credible and consistent account; country information confirms forced recruitment and reprisals against refusers. ', 20),
    TRUE, 'eligibility.officer', TIMESTAMP WITH TIME ZONE '2026-06-25 09:00:00+00'
FROM bench_n WHERE n <= 10;

INSERT INTO asylum_decision (id, application_id, outcome, reasons, drafted_by, drafted_at, state, decided_by, decided_at, returned_reason)
SELECT CAST('00000000-0000-4000-8007-' || LPAD(CAST(n * 10 + 1 AS VARCHAR), 12, '0') AS UUID),
    CAST('00000000-0000-4000-8002-' || LPAD(CAST(n AS VARCHAR), 12, '0') AS UUID), 'RECOGNISED',
    REPEAT('Well-founded fear of persecution for political opinion imputed by refusal of recruitment. ', 20), 'eligibility.officer',
    TIMESTAMP WITH TIME ZONE '2026-06-28 09:00:00+00', 'RETURNED', 'decision.maker', TIMESTAMP WITH TIME ZONE '2026-07-01 09:00:00+00',
    'Country of origin information for the province is out of date; please update and redraft.'
FROM bench_n WHERE n <= 10;
INSERT INTO asylum_decision (id, application_id, outcome, reasons, drafted_by, drafted_at, state)
SELECT CAST('00000000-0000-4000-8007-' || LPAD(CAST(n * 10 + 2 AS VARCHAR), 12, '0') AS UUID),
    CAST('00000000-0000-4000-8002-' || LPAD(CAST(n AS VARCHAR), 12, '0') AS UUID), 'RECOGNISED',
    REPEAT('Well-founded fear of persecution for political opinion imputed by refusal of recruitment; updated country information. ', 20),
    'eligibility.officer', TIMESTAMP WITH TIME ZONE '2026-07-04 09:00:00+00', 'DRAFT'
FROM bench_n WHERE n <= 10;

DROP TABLE bench_entry;
DROP TABLE bench_org;
DROP TABLE bench_n;
