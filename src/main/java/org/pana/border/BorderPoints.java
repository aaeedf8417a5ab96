package org.pana.border;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The border points of each jurisdiction (configurable list, with the region each belongs to). */
@Repository
class BorderPoints {

    record BorderPoint(String code, String name, String region, String jurisdiction, String kind) {}

    private final JdbcClient jdbc;

    BorderPoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<BorderPoint> of(String jurisdiction) {
        return jdbc.sql("SELECT code, name, region, jurisdiction, kind FROM border_point WHERE jurisdiction = :j AND active ORDER BY name")
                .param("j", jurisdiction).query(BorderPoint.class).list();
    }

    Optional<BorderPoint> find(String code) {
        return jdbc.sql("SELECT code, name, region, jurisdiction, kind FROM border_point WHERE code = :code AND active")
                .param("code", code).query(BorderPoint.class).optional();
    }
}
