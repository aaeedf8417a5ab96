package org.pana.registration;

import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/** A nationality (ISO 3166-1 alpha-3; XXA stateless, XXX unknown). */
@Table("registration_person_nationality")
record Nationality(@Column("code") String code) {}
