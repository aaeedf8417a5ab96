-- Public holidays, one row per date. A year is "covered" (working-day arithmetic is allowed in it)
-- once it has at least one row here. moves_if_weekend: when the holiday falls on a weekend day, the
-- next working day becomes a day off (computed in code, not stored).
CREATE TABLE calendar_public_holiday (
  jurisdiction     VARCHAR(3)   NOT NULL,
  holiday_date     DATE         NOT NULL,
  name_en          VARCHAR(200) NOT NULL,
  name_ru          VARCHAR(200) NOT NULL,
  name_kk          VARCHAR(200) NOT NULL,
  moves_if_weekend BOOLEAN      NOT NULL,
  basis            VARCHAR(500) NOT NULL,
  CONSTRAINT calendar_public_holiday_pk PRIMARY KEY (jurisdiction, holiday_date),
  CONSTRAINT calendar_public_holiday_jurisdiction_fk FOREIGN KEY (jurisdiction) REFERENCES calendar_jurisdiction (code)
);
