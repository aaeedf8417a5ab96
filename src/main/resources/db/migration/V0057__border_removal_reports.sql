-- Removals reported as carried out (issue 4, non-refoulement guard). Pana cannot stop a removal; when one is
-- reported, the grounds against removal that stood on its date are stored with it, and a report with grounds
-- (grounds_stood) is a possible refoulement that the protection monitors and the ministry are told of at once.
CREATE TABLE border_removal_report (
  id                        UUID                     NOT NULL,
  jurisdiction              VARCHAR(3)               NOT NULL,
  person_id                 UUID                     NOT NULL,
  removed_at                TIMESTAMP WITH TIME ZONE NOT NULL,
  grounds_as_of             DATE                     NOT NULL,
  border_point              VARCHAR(30),
  place                     VARCHAR(200),
  destination_country       VARCHAR(3)               NOT NULL,
  note                      VARCHAR(2000),
  grounds_stood             BOOLEAN                  NOT NULL,
  reported_by               UUID                     NOT NULL,
  reporting_organisation_id UUID                     NOT NULL,
  reported_at               TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT border_removal_report_pk PRIMARY KEY (id),
  CONSTRAINT border_removal_report_point_fk FOREIGN KEY (border_point) REFERENCES border_point (code),
  CONSTRAINT border_removal_report_where CHECK ((border_point IS NOT NULL AND place IS NULL)
                                             OR (border_point IS NULL AND place IS NOT NULL))
);
CREATE INDEX border_removal_report_person_idx ON border_removal_report (person_id);
CREATE INDEX border_removal_report_jurisdiction_idx ON border_removal_report (jurisdiction, reported_at);

-- The grounds that stood on the removal's date, as the guard listed them (oldest first).
CREATE TABLE border_removal_report_ground (
  report_id UUID         NOT NULL,
  position  INTEGER      NOT NULL,
  kind      VARCHAR(60)  NOT NULL,
  since     DATE         NOT NULL,
  reference VARCHAR(200),
  CONSTRAINT border_removal_report_ground_pk PRIMARY KEY (report_id, position),
  CONSTRAINT border_removal_report_ground_report_fk FOREIGN KEY (report_id) REFERENCES border_removal_report (id)
);
