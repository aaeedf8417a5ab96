package org.pana.registration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The specific-needs codes of {@code registration_specific_need_code}. They change only by migration,
 * so they are read once and kept.
 */
@Component
public class SpecificNeedCatalogue {

    private final JdbcClient jdbc;
    private volatile Map<String, SpecificNeedCode> codes;

    SpecificNeedCatalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every code, categories first within their group, in code order. */
    public List<SpecificNeedCode> codes() {
        return List.copyOf(byCode().values());
    }

    public Optional<SpecificNeedCode> find(String code) {
        return Optional.ofNullable(byCode().get(code));
    }

    public boolean isSensitive(String code) {
        SpecificNeedCode known = byCode().get(code);
        return known == null || known.sensitive();
    }

    private Map<String, SpecificNeedCode> byCode() {
        Map<String, SpecificNeedCode> loaded = codes;
        if (loaded == null) {
            Map<String, SpecificNeedCode> read = new LinkedHashMap<>();
            jdbc.sql("SELECT code, category, sensitive, description FROM registration_specific_need_code ORDER BY code")
                    .query((rs, n) -> new SpecificNeedCode(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4)))
                    .list().forEach(c -> read.put(c.code(), c));
            loaded = java.util.Collections.unmodifiableMap(read);
            codes = loaded;
        }
        return loaded;
    }
}
