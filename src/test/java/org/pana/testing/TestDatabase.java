package org.pana.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every test application context a database of its own: a fresh in-memory H2 database by default,
 * or a fresh schema in the PostgreSQL database named by {@code PANA_TEST_POSTGRES_URL} when the suite
 * runs with {@code -Dpana.test.database=postgres} (the Maven profile that CI activates does this).
 * A test that needs two contexts on one database names it with {@code pana.test.shared-database}.
 */
public class TestDatabase implements EnvironmentPostProcessor, Ordered {

    public static final String POSTGRES_URL_ENV = "PANA_TEST_POSTGRES_URL";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> properties = new HashMap<>();
        String shared = environment.getProperty("pana.test.shared-database");
        String name = shared != null ? shared : "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        if (usesPostgres()) {
            String url = System.getenv(POSTGRES_URL_ENV);
            properties.put("spring.datasource.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name);
            properties.put("spring.flyway.schemas", name);
            properties.put("spring.flyway.default-schema", name);
            putIfSet(properties, "spring.datasource.username", System.getenv("PANA_TEST_POSTGRES_USER"));
            putIfSet(properties, "spring.datasource.password", System.getenv("PANA_TEST_POSTGRES_PASSWORD"));
        } else {
            properties.put("spring.datasource.url", "jdbc:h2:mem:" + name
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
            properties.put("spring.datasource.username", "sa");
            properties.put("spring.datasource.password", "");
        }
        properties.putIfAbsent("pana.scheduling.enabled", "false");
        // The test run caches many contexts on one PostgreSQL (100 connections): small pools, few idle.
        if (!environment.containsProperty("PANA_DB_POOL_SIZE")) properties.put("spring.datasource.hikari.maximum-pool-size", "10");
        properties.put("spring.datasource.hikari.minimum-idle", "1");
        // Quiet test output: warnings and errors only, no banner.
        if (!environment.containsProperty("logging.level.root")) properties.put("logging.level.root", "WARN");
        properties.put("spring.main.banner-mode", "off");
        // Every test context holds the demo organisations and users of api.md, so tests sign in as them.
        if (!environment.containsProperty("pana.demo")) properties.put("pana.demo", "true");
        // ... but not the demo people (registration.demo): tests count people; DemoPeopleTests turns them on.
        if (!environment.containsProperty("pana.demo.people")) properties.put("pana.demo.people", "false");
        environment.getPropertySources().addFirst(new MapPropertySource("panaTestDatabase", properties));
    }

    public static boolean usesPostgres() {
        return "postgres".equals(System.getProperty("pana.test.database"));
    }

    private static void putIfSet(Map<String, Object> properties, String key, String value) {
        if (value != null && !value.isBlank()) properties.put(key, value);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
