-- Kazakhstan's asylum procedure deadlines (domain.md, "Asylum procedure"). confirmed = TRUE for [V]
-- (read in the official text), FALSE for [C] (a default to be checked by a lawyer). Law = Law of the
-- Republic of Kazakhstan "On Refugees" of 4 December 2009 No. 216-IV; Rules 2022 = Rules of
-- registration and consideration of the petition, MLSPP Order No. 118 of 7 April 2022.
INSERT INTO calendar_deadline_rule (jurisdiction, procedure_code, step_code, amount, unit, direction, counted_from, basis, confirmed, ends_on_working_day)
VALUES ('KAZ', 'ASYLUM', 'LODGING', 5, 'CALENDAR_DAYS', 'AFTER', 'arrival in Kazakhstan, or learning of the risk (sur place)',
        'Rules 2022 (MLSPP Order No. 118 of 7 April 2022); late lodging is recorded and does not by itself bar registration [C]', TRUE, FALSE);
INSERT INTO calendar_deadline_rule (jurisdiction, procedure_code, step_code, amount, unit, direction, counted_from, basis, confirmed, ends_on_working_day)
VALUES ('KAZ', 'ASYLUM', 'LODGING_AFTER_IRREGULAR_ENTRY', 1, 'CALENDAR_DAYS', 'AFTER', 'irregular entry',
        'Rules 2022 (MLSPP Order No. 118 of 7 April 2022)', TRUE, FALSE);
INSERT INTO calendar_deadline_rule (jurisdiction, procedure_code, step_code, amount, unit, direction, counted_from, basis, confirmed, ends_on_working_day)
VALUES ('KAZ', 'ASYLUM', 'BORDER_HANDOVER', 72, 'HOURS', 'AFTER', 'the written asylum application to the Border Service at the crossing point',
        'Not confirmed against the official text: default 72 hours, as in Tajikistan''s Law on Refugees [C]', FALSE, FALSE);
INSERT INTO calendar_deadline_rule (jurisdiction, procedure_code, step_code, amount, unit, direction, counted_from, basis, confirmed, ends_on_working_day)
VALUES ('KAZ', 'ASYLUM', 'CERTIFICATE_VALIDITY', 3, 'MONTHS', 'AFTER', 'issue of the asylum-seeker certificate (the day of registration, or of renewal)',
        'Rules 2022 (MLSPP Order No. 118 of 7 April 2022): certificate valid 3 months, renewed for 3 months when consideration is extended', TRUE, FALSE);
INSERT INTO calendar_deadline_rule (jurisdiction, procedure_code, step_code, amount, unit, direction, counted_from, basis, confirmed, ends_on_working_day)
VALUES ('KAZ', 'ASYLUM', 'FINGERPRINTING', 3, 'CALENDAR_DAYS', 'AFTER', 'receipt of the asylum-seeker certificate',
        'Law "On Refugees" No. 216-IV of 4 December 2009, Art. 11(1)', TRUE, FALSE);
INSERT INTO calendar_deadline_rule (jurisdiction, procedure_code, step_code, amount, unit, direction, counted_from, basis, confirmed, ends_on_working_day)
VALUES ('KAZ', 'ASYLUM', 'DECISION', 3, 'MONTHS', 'AFTER', 'registration of the petition',
        'Law "On Refugees" No. 216-IV of 4 December 2009, Art. 11(1)', TRUE, FALSE);
INSERT INTO calendar_deadline_rule (jurisdiction, procedure_code, step_code, amount, unit, direction, counted_from, basis, confirmed, ends_on_working_day)
VALUES ('KAZ', 'ASYLUM', 'DECISION_MAX_EXTENSION', 12, 'MONTHS', 'AFTER', 'registration of the petition',
        'Law "On Refugees" No. 216-IV of 4 December 2009, Art. 11(1): where additional verification is needed, up to 1 year in total', TRUE, FALSE);
INSERT INTO calendar_deadline_rule (jurisdiction, procedure_code, step_code, amount, unit, direction, counted_from, basis, confirmed, ends_on_working_day)
VALUES ('KAZ', 'ASYLUM', 'NOTIFICATION', 5, 'WORKING_DAYS', 'AFTER', 'the decision',
        'Not confirmed against the official text: default 5 working days for the written decision with reasons and how to appeal [C]', FALSE, FALSE);
INSERT INTO calendar_deadline_rule (jurisdiction, procedure_code, step_code, amount, unit, direction, counted_from, basis, confirmed, ends_on_working_day)
VALUES ('KAZ', 'ASYLUM', 'APPEAL', 1, 'MONTHS', 'AFTER', 'notification of the decision',
        'Not confirmed against the official text: default 1 month for administrative, then judicial review; suspensive effect by default [C]', FALSE, FALSE);
INSERT INTO calendar_deadline_rule (jurisdiction, procedure_code, step_code, amount, unit, direction, counted_from, basis, confirmed, ends_on_working_day)
VALUES ('KAZ', 'ASYLUM', 'STATUS_TERM', 12, 'MONTHS', 'AFTER', 'the grant (or last extension) of refugee status',
        'Rules for granting, extension, deprivation and termination of refugee status (Government Resolution No. 183 of 9 March 2010, restated 2022): granted for one year, extended each year', TRUE, FALSE);
INSERT INTO calendar_deadline_rule (jurisdiction, procedure_code, step_code, amount, unit, direction, counted_from, basis, confirmed, ends_on_working_day)
VALUES ('KAZ', 'ASYLUM', 'EXTENSION_INVITATION', 30, 'CALENDAR_DAYS', 'BEFORE', 'expiry of refugee status',
        'Not confirmed against the official text: default invitation to apply for extension 30 days before expiry [C]', FALSE, FALSE);
