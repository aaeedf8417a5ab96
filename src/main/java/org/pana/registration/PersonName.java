package org.pana.registration;

import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/** One way a person's name is written, exactly as entered. */
@Table("registration_person_name")
record PersonName(@Column("given") String given, @Column("family") String family, @Column("patronymic") String patronymic,
        @Column("script") String script, @Column("kind") NameKind kind) {}
