package org.pana.registration;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.pana.platform.RemovalGround;
import org.pana.platform.RemovalGrounds;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The specific need LP-RR ("at risk of refoulement") on a person's record blocks their removal. */
@Component
class SpecificNeedRemovalGrounds implements RemovalGrounds {

    static final String KIND = "SPECIFIC_NEED_LP_RR";
    static final String CODE = "LP-RR";

    private final JdbcClient jdbc;
    private final ZoneId zone;

    SpecificNeedRemovalGrounds(JdbcClient jdbc, @Value("${pana.registration.time-zone:Asia/Almaty}") ZoneId zone) {
        this.jdbc = jdbc;
        this.zone = zone;
    }

    @Override
    public List<RemovalGround> of(UUID personId, LocalDate asOf) {
        return jdbc.sql("SELECT MIN(flagged_at) FROM registration_person_need WHERE person_id = :id AND code = :code")
                .param("id", personId).param("code", CODE)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).optional()
                .filter(java.util.Objects::nonNull)
                .map(flagged -> flagged.atZoneSameInstant(zone).toLocalDate())
                .filter(since -> !since.isAfter(asOf))
                .map(since -> List.of(new RemovalGround(KIND, since, null)))
                .orElse(List.of());
    }
}
