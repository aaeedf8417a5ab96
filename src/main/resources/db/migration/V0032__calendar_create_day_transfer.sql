-- Days off moved by government decree: a date that becomes a day off, or a working day. These
-- override both the weekend and the holiday rules.
CREATE TABLE calendar_day_transfer (
  jurisdiction  VARCHAR(3)   NOT NULL,
  transfer_date DATE         NOT NULL,
  becomes       VARCHAR(11)  NOT NULL,
  reason_en     VARCHAR(200) NOT NULL,
  reason_ru     VARCHAR(200) NOT NULL,
  reason_kk     VARCHAR(200) NOT NULL,
  basis         VARCHAR(500) NOT NULL,
  CONSTRAINT calendar_day_transfer_pk PRIMARY KEY (jurisdiction, transfer_date),
  CONSTRAINT calendar_day_transfer_jurisdiction_fk FOREIGN KEY (jurisdiction) REFERENCES calendar_jurisdiction (code),
  CONSTRAINT calendar_day_transfer_becomes_ck CHECK (becomes IN ('DAY_OFF', 'WORKING_DAY'))
);
