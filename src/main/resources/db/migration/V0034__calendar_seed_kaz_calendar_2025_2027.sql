-- Kazakhstan: calendar, weekend (Saturday and Sunday) and the public holidays of 2025-2027
-- (domain.md, "Calendar (Kazakhstan)"). 7 January and the first day of Kurban Ait do not move when they
-- fall on a weekend; the other holidays do. Days off moved by decree go in calendar_day_transfer.
INSERT INTO calendar_jurisdiction (code, name_en, name_ru, name_kk, time_zone)
VALUES ('KAZ', 'Kazakhstan', 'Казахстан', 'Қазақстан', 'Asia/Almaty');

INSERT INTO calendar_weekend_day (jurisdiction, day_of_week) VALUES ('KAZ', 'SATURDAY');
INSERT INTO calendar_weekend_day (jurisdiction, day_of_week) VALUES ('KAZ', 'SUNDAY');

-- 2025
INSERT INTO calendar_public_holiday (jurisdiction, holiday_date, name_en, name_ru, name_kk, moves_if_weekend, basis)
VALUES ('KAZ', DATE '2025-01-01', 'New Year', 'Новый год', 'Жаңа жыл', TRUE, 'Law "On Holidays in the Republic of Kazakhstan" No. 267-II of 13 December 2001 [C: check the year''s decree]');
INSERT INTO calendar_public_holiday (jurisdiction, holiday_date, name_en, name_ru, name_kk, moves_if_weekend, basis)
VALUES ('KAZ', DATE '2025-01-02', 'New Year', 'Новый год', 'Жаңа жыл', TRUE, 'Law "On Holidays in the Republic of Kazakhstan" No. 267-II of 13 December 2001 [C: check the year''s decree]');
INSERT INTO calendar_public_holiday (jurisdiction, holiday_date, name_en, name_ru, name_kk, moves_if_weekend, basis)
VALUES ('KAZ', DATE '2025-01-07', 'Orthodox Christmas', 'Православное Рождество', 'Православиелік Рождество', FALSE, 'Law "On Holidays in the Republic of Kazakhstan" No. 267-II of 13 December 2001 [C: check the year''s decree]');
INSERT INTO calendar_public_holiday (jurisdiction, holiday_date, name_en, name_ru, name_kk, moves_if_weekend, basis)
VALUES ('KAZ', DATE '2025-03-08', 'International Women''s Day', 'Международный женский день', 'Халықаралық әйелдер күні', TRUE, 'Law "On Holidays in the Republic of Kazakhstan" No. 267-II of 13 December 2001 [C: check the year''s decree]');
INSERT INTO calendar_public_holiday (jurisdiction, holiday_date, name_en, name_ru, name_kk, moves_if_weekend, basis)
VALUES ('KAZ', DATE '2025-03-21', 'Nauryz meiramy', 'Наурыз мейрамы', 'Наурыз мейрамы', TRUE, 'Law "On Holidays in the Republic of Kazakhstan" No. 267-II of 13 December 2001 [C: check the year''s decree]');
INSERT INTO calendar_public_holiday (jurisdiction, holiday_date, name_en, name_ru, name_kk, moves_if_weekend, basis)
VALUES ('KAZ', DATE '2025-03-22', 'Nauryz meiramy', 'Наурыз мейрамы', 'Наурыз мейрамы', TRUE, 'Law "On Holidays in the Republic of Kazakhstan" No. 267-II of 13 December 2001 [C: check the year''s decree]');
INSERT INTO calendar_public_holiday (jurisdiction, holiday_date, name_en, name_ru, name_kk, moves_if_weekend, basis)
VALUES ('KAZ', DATE '2025-03-23', 'Nauryz meiramy', 'Наурыз мейрамы', 'Наурыз мейрамы', TRUE, 'Law "On Holidays in the Republic of Kazakhstan" No. 267-II of 13 December 2001 [C: check the year''s decree]');
INSERT INTO calendar_public_holiday (jurisdiction, holiday_date, name_en, name_ru, name_kk, moves_if_weekend, basis)
VALUES ('KAZ', DATE '2025-05-01', 'Kazakhstan People''s Unity Day', 'Праздник единства народа Казахстана', 'Қазақстан халқының бірлігі мерекесі', TRUE, 'Law "On Holidays in the Republic of Kazakhstan" No. 267-II of 13 December 2001 [C: check the year''s decree]');
INSERT INTO calendar_public_holiday (jurisdiction, holiday_date, name_en, name_ru, name_kk, moves_if_weekend, basis)
VALUES ('KAZ', DATE '2025-05-07', 'Defender of the Fatherland Day', 'День защитника Отечества', 'Отан қорғаушы күні', TRUE, 'Law "On Holidays in the Republic of Kazakhstan" No. 267-II of 13 December 2001 [C: check the year''s decree]');
INSERT INTO calendar_public_holiday (jurisdiction, holiday_date, name_en, name_ru, name_kk, moves_if_weekend, basis)
VALUES ('KAZ', DATE '2025-05-09', 'Victory Day', 'День Победы', 'Жеңіс күні', TRUE, 'Law "On Holidays in the Republic of Kazakhstan" No. 267-II of 13 December 2001 [C: check the year''s decree]');
INSERT INTO calendar_public_holiday (jurisdiction, holiday_date, name_en, name_ru, name_kk, moves_if_weekend, basis)
VALUES ('KAZ', DATE '2025-06-06', 'Kurban Ait (first day)', 'Курбан айт (первый день)', 'Құрбан айт (бірінші күні)', FALSE, 'Law "On Holidays in the Republic of Kazakhstan" No. 267-II of 13 December 2001; date fixed each year by the Spiritual Administration of Muslims of Kazakhstan [C]');
INSERT INTO calendar_public_holiday (jurisdiction, holiday_date, name_en, name_ru, name_kk, moves_if_weekend, basis)
VALUES ('KAZ', DATE '2025-07-06', 'Capital Day', 'День Столицы', 'Астана күні', TRUE, 'Law "On Holidays in the Republic of Kazakhstan" No. 267-II of 13 December 2001 [C: check the year''s decree]');
INSERT INTO calendar_public_holiday (jurisdiction, holiday_date, name_en, name_ru, name_kk, moves_if_weekend, basis)
VALUES ('KAZ', DATE '2025-08-30', 'Constitution Day', 'День Конституции', 'Конституция күні', TRUE, 'Law "On Holidays in the Republic of Kazakhstan" No. 267-II of 13 December 2001 [C: check the year''s decree]');
INSERT INTO calendar_public_holiday (jurisdiction, holiday_date, name_en, name_ru, name_kk, moves_if_weekend, basis)
VALUES ('KAZ', DATE '2025-10-25', 'Republic Day', 'День Республики', 'Республика күні', TRUE, 'Law "On Holidays in the Republic of Kazakhstan" No. 267-II of 13 December 2001 [C: check the year''s decree]');
INSERT INTO calendar_public_holiday (jurisdiction, holiday_date, name_en, name_ru, name_kk, moves_if_weekend, basis)
VALUES ('KAZ', DATE '2025-12-16', 'Independence Day', 'День Независимости', 'Тәуелсіздік күні', TRUE, 'Law "On Holidays in the Republic of Kazakhstan" No. 267-II of 13 December 2001 [C: check the year''s decree]');

-- 2026
INSERT INTO calendar_public_holiday (jurisdiction, holiday_date, name_en, name_ru, name_kk, moves_if_weekend, basis)
VALUES ('KAZ', DATE '2026-01-01', 'New Year', 'Новый год', 'Жаңа жыл', TRUE, 'Law "On Holidays in the Republic of Kazakhstan" No. 267-II of 13 December 2001 [C: check the year''s decree]');
INSERT INTO calendar_public_holiday (jurisdiction, holiday_date, name_en, name_ru, name_kk, moves_if_weekend, basis)
VALUES ('KAZ', DATE '2026-01-02', 'New Year', 'Новый год', 'Жаңа жыл', TRUE, 'Law "On Holidays in the Republic of Kazakhstan" No. 267-II of 13 December 2001 [C: check the year''s decree]');
INSERT INTO calendar_public_holiday (jurisdiction, holiday_date, name_en, name_ru, name_kk, moves_if_weekend, basis)
VALUES ('KAZ', DATE '2026-01-07', 'Orthodox Christmas', 'Православное Рождество', 'Православиелік Рождество', FALSE, 'Law "On Holidays in the Republic of Kazakhstan" No. 267-II of 13 December 2001 [C: check the year''s decree]');
INSERT INTO calendar_public_holiday (jurisdiction, holiday_date, name_en, name_ru, name_kk, moves_if_weekend, basis)
VALUES ('KAZ', DATE '2026-03-08', 'International Women''s Day', 'Международный женский день', 'Халықаралық әйелдер күні', TRUE, 'Law "On Holidays in the Republic of Kazakhstan" No. 267-II of 13 December 2001 [C: check the year''s decree]');
INSERT INTO calendar_public_holiday (jurisdiction, holiday_date, name_en, name_ru, name_kk, moves_if_weekend, basis)
VALUES ('KAZ', DATE '2026-03-21', 'Nauryz meiramy', 'Наурыз мейрамы', 'Наурыз мейрамы', TRUE, 'Law "On Holidays in the Republic of Kazakhstan" No. 267-II of 13 December 2001 [C: check the year''s decree]');
INSERT INTO calendar_public_holiday (jurisdiction, holiday_date, name_en, name_ru, name_kk, moves_if_weekend, basis)
VALUES ('KAZ', DATE '2026-03-22', 'Nauryz meiramy', 'Наурыз мейрамы', 'Наурыз мейрамы', TRUE, 'Law "On Holidays in the Republic of Kazakhstan" No. 267-II of 13 December 2001 [C: check the year''s decree]');
INSERT INTO calendar_public_holiday (jurisdiction, holiday_date, name_en, name_ru, name_kk, moves_if_weekend, basis)
VALUES ('KAZ', DATE '2026-03-23', 'Nauryz meiramy', 'Наурыз мейрамы', 'Наурыз мейрамы', TRUE, 'Law "On Holidays in the Republic of Kazakhstan" No. 267-II of 13 December 2001 [C: check the year''s decree]');
INSERT INTO calendar_public_holiday (jurisdiction, holiday_date, name_en, name_ru, name_kk, moves_if_weekend, basis)
VALUES ('KAZ', DATE '2026-05-01', 'Kazakhstan People''s Unity Day', 'Праздник единства народа Казахстана', 'Қазақстан халқының бірлігі мерекесі', TRUE, 'Law "On Holidays in the Republic of Kazakhstan" No. 267-II of 13 December 2001 [C: check the year''s decree]');
INSERT INTO calendar_public_holiday (jurisdiction, holiday_date, name_en, name_ru, name_kk, moves_if_weekend, basis)
VALUES ('KAZ', DATE '2026-05-07', 'Defender of the Fatherland Day', 'День защитника Отечества', 'Отан қорғаушы күні', TRUE, 'Law "On Holidays in the Republic of Kazakhstan" No. 267-II of 13 December 2001 [C: check the year''s decree]');
INSERT INTO calendar_public_holiday (jurisdiction, holiday_date, name_en, name_ru, name_kk, moves_if_weekend, basis)
VALUES ('KAZ', DATE '2026-05-09', 'Victory Day', 'День Победы', 'Жеңіс күні', TRUE, 'Law "On Holidays in the Republic of Kazakhstan" No. 267-II of 13 December 2001 [C: check the year''s decree]');
INSERT INTO calendar_public_holiday (jurisdiction, holiday_date, name_en, name_ru, name_kk, moves_if_weekend, basis)
VALUES ('KAZ', DATE '2026-05-27', 'Kurban Ait (first day)', 'Курбан айт (первый день)', 'Құрбан айт (бірінші күні)', FALSE, 'Law "On Holidays in the Republic of Kazakhstan" No. 267-II of 13 December 2001; date fixed each year by the Spiritual Administration of Muslims of Kazakhstan [C]');
INSERT INTO calendar_public_holiday (jurisdiction, holiday_date, name_en, name_ru, name_kk, moves_if_weekend, basis)
VALUES ('KAZ', DATE '2026-07-06', 'Capital Day', 'День Столицы', 'Астана күні', TRUE, 'Law "On Holidays in the Republic of Kazakhstan" No. 267-II of 13 December 2001 [C: check the year''s decree]');
INSERT INTO calendar_public_holiday (jurisdiction, holiday_date, name_en, name_ru, name_kk, moves_if_weekend, basis)
VALUES ('KAZ', DATE '2026-08-30', 'Constitution Day', 'День Конституции', 'Конституция күні', TRUE, 'Law "On Holidays in the Republic of Kazakhstan" No. 267-II of 13 December 2001 [C: check the year''s decree]');
INSERT INTO calendar_public_holiday (jurisdiction, holiday_date, name_en, name_ru, name_kk, moves_if_weekend, basis)
VALUES ('KAZ', DATE '2026-10-25', 'Republic Day', 'День Республики', 'Республика күні', TRUE, 'Law "On Holidays in the Republic of Kazakhstan" No. 267-II of 13 December 2001 [C: check the year''s decree]');
INSERT INTO calendar_public_holiday (jurisdiction, holiday_date, name_en, name_ru, name_kk, moves_if_weekend, basis)
VALUES ('KAZ', DATE '2026-12-16', 'Independence Day', 'День Независимости', 'Тәуелсіздік күні', TRUE, 'Law "On Holidays in the Republic of Kazakhstan" No. 267-II of 13 December 2001 [C: check the year''s decree]');

-- 2027
INSERT INTO calendar_public_holiday (jurisdiction, holiday_date, name_en, name_ru, name_kk, moves_if_weekend, basis)
VALUES ('KAZ', DATE '2027-01-01', 'New Year', 'Новый год', 'Жаңа жыл', TRUE, 'Law "On Holidays in the Republic of Kazakhstan" No. 267-II of 13 December 2001 [C: check the year''s decree]');
INSERT INTO calendar_public_holiday (jurisdiction, holiday_date, name_en, name_ru, name_kk, moves_if_weekend, basis)
VALUES ('KAZ', DATE '2027-01-02', 'New Year', 'Новый год', 'Жаңа жыл', TRUE, 'Law "On Holidays in the Republic of Kazakhstan" No. 267-II of 13 December 2001 [C: check the year''s decree]');
INSERT INTO calendar_public_holiday (jurisdiction, holiday_date, name_en, name_ru, name_kk, moves_if_weekend, basis)
VALUES ('KAZ', DATE '2027-01-07', 'Orthodox Christmas', 'Православное Рождество', 'Православиелік Рождество', FALSE, 'Law "On Holidays in the Republic of Kazakhstan" No. 267-II of 13 December 2001 [C: check the year''s decree]');
INSERT INTO calendar_public_holiday (jurisdiction, holiday_date, name_en, name_ru, name_kk, moves_if_weekend, basis)
VALUES ('KAZ', DATE '2027-03-08', 'International Women''s Day', 'Международный женский день', 'Халықаралық әйелдер күні', TRUE, 'Law "On Holidays in the Republic of Kazakhstan" No. 267-II of 13 December 2001 [C: check the year''s decree]');
INSERT INTO calendar_public_holiday (jurisdiction, holiday_date, name_en, name_ru, name_kk, moves_if_weekend, basis)
VALUES ('KAZ', DATE '2027-03-21', 'Nauryz meiramy', 'Наурыз мейрамы', 'Наурыз мейрамы', TRUE, 'Law "On Holidays in the Republic of Kazakhstan" No. 267-II of 13 December 2001 [C: check the year''s decree]');
INSERT INTO calendar_public_holiday (jurisdiction, holiday_date, name_en, name_ru, name_kk, moves_if_weekend, basis)
VALUES ('KAZ', DATE '2027-03-22', 'Nauryz meiramy', 'Наурыз мейрамы', 'Наурыз мейрамы', TRUE, 'Law "On Holidays in the Republic of Kazakhstan" No. 267-II of 13 December 2001 [C: check the year''s decree]');
INSERT INTO calendar_public_holiday (jurisdiction, holiday_date, name_en, name_ru, name_kk, moves_if_weekend, basis)
VALUES ('KAZ', DATE '2027-03-23', 'Nauryz meiramy', 'Наурыз мейрамы', 'Наурыз мейрамы', TRUE, 'Law "On Holidays in the Republic of Kazakhstan" No. 267-II of 13 December 2001 [C: check the year''s decree]');
INSERT INTO calendar_public_holiday (jurisdiction, holiday_date, name_en, name_ru, name_kk, moves_if_weekend, basis)
VALUES ('KAZ', DATE '2027-05-01', 'Kazakhstan People''s Unity Day', 'Праздник единства народа Казахстана', 'Қазақстан халқының бірлігі мерекесі', TRUE, 'Law "On Holidays in the Republic of Kazakhstan" No. 267-II of 13 December 2001 [C: check the year''s decree]');
INSERT INTO calendar_public_holiday (jurisdiction, holiday_date, name_en, name_ru, name_kk, moves_if_weekend, basis)
VALUES ('KAZ', DATE '2027-05-07', 'Defender of the Fatherland Day', 'День защитника Отечества', 'Отан қорғаушы күні', TRUE, 'Law "On Holidays in the Republic of Kazakhstan" No. 267-II of 13 December 2001 [C: check the year''s decree]');
INSERT INTO calendar_public_holiday (jurisdiction, holiday_date, name_en, name_ru, name_kk, moves_if_weekend, basis)
VALUES ('KAZ', DATE '2027-05-09', 'Victory Day', 'День Победы', 'Жеңіс күні', TRUE, 'Law "On Holidays in the Republic of Kazakhstan" No. 267-II of 13 December 2001 [C: check the year''s decree]');
INSERT INTO calendar_public_holiday (jurisdiction, holiday_date, name_en, name_ru, name_kk, moves_if_weekend, basis)
VALUES ('KAZ', DATE '2027-05-16', 'Kurban Ait (first day)', 'Курбан айт (первый день)', 'Құрбан айт (бірінші күні)', FALSE, 'Law "On Holidays in the Republic of Kazakhstan" No. 267-II of 13 December 2001; date fixed each year by the Spiritual Administration of Muslims of Kazakhstan [C]');
INSERT INTO calendar_public_holiday (jurisdiction, holiday_date, name_en, name_ru, name_kk, moves_if_weekend, basis)
VALUES ('KAZ', DATE '2027-07-06', 'Capital Day', 'День Столицы', 'Астана күні', TRUE, 'Law "On Holidays in the Republic of Kazakhstan" No. 267-II of 13 December 2001 [C: check the year''s decree]');
INSERT INTO calendar_public_holiday (jurisdiction, holiday_date, name_en, name_ru, name_kk, moves_if_weekend, basis)
VALUES ('KAZ', DATE '2027-08-30', 'Constitution Day', 'День Конституции', 'Конституция күні', TRUE, 'Law "On Holidays in the Republic of Kazakhstan" No. 267-II of 13 December 2001 [C: check the year''s decree]');
INSERT INTO calendar_public_holiday (jurisdiction, holiday_date, name_en, name_ru, name_kk, moves_if_weekend, basis)
VALUES ('KAZ', DATE '2027-10-25', 'Republic Day', 'День Республики', 'Республика күні', TRUE, 'Law "On Holidays in the Republic of Kazakhstan" No. 267-II of 13 December 2001 [C: check the year''s decree]');
INSERT INTO calendar_public_holiday (jurisdiction, holiday_date, name_en, name_ru, name_kk, moves_if_weekend, basis)
VALUES ('KAZ', DATE '2027-12-16', 'Independence Day', 'День Независимости', 'Тәуелсіздік күні', TRUE, 'Law "On Holidays in the Republic of Kazakhstan" No. 267-II of 13 December 2001 [C: check the year''s decree]');
