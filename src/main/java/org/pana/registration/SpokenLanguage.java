package org.pana.registration;

import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/** A language the person speaks (ISO 639). */
@Table("registration_person_language")
record SpokenLanguage(@Column("code") String code) {}
