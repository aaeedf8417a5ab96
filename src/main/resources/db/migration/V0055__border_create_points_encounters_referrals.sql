-- Border identification and referral (issue 4). Border points per jurisdiction with the region they belong to;
-- the routing table says which asylum authority unit (an organisation) receives referrals from a region, from a
-- date; encounters and the referrals they cause. Names of people are not here: they are in registration.
CREATE TABLE border_point (
  code         VARCHAR(30)  NOT NULL,
  jurisdiction VARCHAR(3)   NOT NULL,
  name         VARCHAR(200) NOT NULL,
  region       VARCHAR(100) NOT NULL,
  kind         VARCHAR(20)  NOT NULL,
  active       BOOLEAN      NOT NULL,
  CONSTRAINT border_point_pk PRIMARY KEY (code)
);
CREATE INDEX border_point_jurisdiction_idx ON border_point (jurisdiction, active);

-- Crossing points and airports named in public sources (the operator adds and retires points as data).
INSERT INTO border_point (code, jurisdiction, name, region, kind, active) VALUES
  ('KAZ-KHORGOS',      'KAZ', 'Nur Zholy (Khorgos)',              'Zhetysu',           'LAND',    TRUE),
  ('KAZ-KORDAI',       'KAZ', 'Kordai',                           'Zhambyl',           'LAND',    TRUE),
  ('KAZ-ZHIBEK-ZHOLY', 'KAZ', 'Zhibek Zholy',                     'Turkistan',         'LAND',    TRUE),
  ('KAZ-ALA',          'KAZ', 'Almaty International Airport',     'Almaty',            'AIRPORT', TRUE),
  ('KAZ-NQZ',          'KAZ', 'Astana International Airport',     'Astana',            'AIRPORT', TRUE),
  ('KGZ-FRU',          'KGZ', 'Manas International Airport',      'Bishkek',           'AIRPORT', TRUE),
  ('TJK-DYU',          'TJK', 'Dushanbe International Airport',   'Dushanbe',          'AIRPORT', TRUE),
  ('TKM-ASB',          'TKM', 'Ashgabat International Airport',   'Ashgabat',          'AIRPORT', TRUE);

CREATE TABLE border_referral_route (
  jurisdiction              VARCHAR(3)   NOT NULL,
  region                    VARCHAR(100) NOT NULL,
  valid_from                DATE         NOT NULL,
  receiving_organisation_id UUID         NOT NULL,
  CONSTRAINT border_referral_route_pk PRIMARY KEY (jurisdiction, region, valid_from)
);

CREATE TABLE border_encounter (
  id                   UUID                     NOT NULL,
  jurisdiction         VARCHAR(3)               NOT NULL,
  person_id            UUID                     NOT NULL,
  border_point         VARCHAR(30)              NOT NULL,
  encountered_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  arrival              VARCHAR(30)              NOT NULL,
  asylum_intent        BOOLEAN                  NOT NULL,
  intent_in_own_words  VARCHAR(2000),
  leaflet_language     VARCHAR(3),
  interpreter_language VARCHAR(3),
  profile              VARCHAR(40)              NOT NULL,
  recorded_by          UUID                     NOT NULL,
  recorded_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT border_encounter_pk PRIMARY KEY (id),
  CONSTRAINT border_encounter_point_fk FOREIGN KEY (border_point) REFERENCES border_point (code)
);
CREATE INDEX border_encounter_person_idx ON border_encounter (person_id);
CREATE INDEX border_encounter_recorded_by_idx ON border_encounter (recorded_by, recorded_at);

CREATE TABLE border_referral (
  id                        UUID                     NOT NULL,
  jurisdiction              VARCHAR(3)               NOT NULL,
  encounter_id              UUID                     NOT NULL,
  person_id                 UUID                     NOT NULL,
  receiving_organisation_id UUID,
  status                    VARCHAR(20)              NOT NULL,
  due_at                    TIMESTAMP WITH TIME ZONE NOT NULL,
  due_basis                 VARCHAR(300)             NOT NULL,
  created_at                TIMESTAMP WITH TIME ZONE NOT NULL,
  acknowledged_at           TIMESTAMP WITH TIME ZONE,
  acknowledged_by           UUID,
  version                   BIGINT                   NOT NULL,
  CONSTRAINT border_referral_pk PRIMARY KEY (id),
  CONSTRAINT border_referral_encounter_fk FOREIGN KEY (encounter_id) REFERENCES border_encounter (id),
  CONSTRAINT border_referral_encounter_uq UNIQUE (encounter_id)
);
CREATE INDEX border_referral_person_idx ON border_referral (person_id, status);
CREATE INDEX border_referral_queue_idx ON border_referral (jurisdiction, status, due_at);
