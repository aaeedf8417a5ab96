package org.pana.registration;

import java.time.Instant;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/** A UNHCR specific-need code flagged on the person, and when it was first flagged. */
@Table("registration_person_need")
record SpecificNeedFlag(@Column("code") String code, @Column("flagged_at") Instant flaggedAt) {}
