package org.pana.access;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/** An organisation in one jurisdiction; deactivated organisations keep their history, their users cannot sign in. */
@Table("access_organisation")
public record Organisation(
        @Id @Column("id") UUID id,
        @Column("name") String name,
        @Column("type") OrganisationType type,
        @Column("jurisdiction") String jurisdiction,
        @Column("active") boolean active,
        @Column("demo") boolean demo,
        @Column("created_at") Instant createdAt,
        @Version @Column("version") Long version) {

    static Organisation create(UUID id, String name, OrganisationType type, String jurisdiction, boolean demo, Instant at) {
        return new Organisation(id, name, type, jurisdiction, true, demo, at, null);
    }

    Organisation deactivated() {
        return new Organisation(id, name, type, jurisdiction, false, demo, createdAt, version);
    }
}
