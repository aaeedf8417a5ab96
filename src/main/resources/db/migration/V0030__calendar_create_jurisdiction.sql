-- A jurisdiction's calendar: its ISO 3166-1 alpha-3 code, names, the time zone its legal dates are
-- counted in, and its weekly days of rest (stored by name, e.g. SATURDAY).
CREATE TABLE calendar_jurisdiction (
  code      VARCHAR(3)   NOT NULL,
  name_en   VARCHAR(100) NOT NULL,
  name_ru   VARCHAR(100) NOT NULL,
  name_kk   VARCHAR(100) NOT NULL,
  time_zone VARCHAR(40)  NOT NULL,
  CONSTRAINT calendar_jurisdiction_pk PRIMARY KEY (code)
);

CREATE TABLE calendar_weekend_day (
  jurisdiction VARCHAR(3) NOT NULL,
  day_of_week  VARCHAR(9) NOT NULL,
  CONSTRAINT calendar_weekend_day_pk PRIMARY KEY (jurisdiction, day_of_week),
  CONSTRAINT calendar_weekend_day_jurisdiction_fk FOREIGN KEY (jurisdiction) REFERENCES calendar_jurisdiction (code),
  CONSTRAINT calendar_weekend_day_day_ck CHECK (day_of_week IN
    ('MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'))
);
