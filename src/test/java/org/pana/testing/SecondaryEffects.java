package org.pana.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Work done asynchronously after a commit (event listeners, {@code @ApplicationModuleListener}, and the
 * duplicate check after a registration); a test that needs its effects, or needs it out of its way, waits
 * until every published event is completed and every registered person has been checked.
 */
public final class SecondaryEffects {

    private SecondaryEffects() {}

    public static void awaitAll(JdbcClient jdbc) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> jdbc
                .sql("SELECT (SELECT count(*) FROM event_publication WHERE completion_date IS NULL)"
                        + " + (SELECT count(*) FROM registration_duplicate_check)").query(Long.class).single() == 0);
    }
}
