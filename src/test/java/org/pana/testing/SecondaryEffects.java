package org.pana.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Event listeners ({@code @ApplicationModuleListener}) run asynchronously after a commit; a test that
 * needs their effects, or needs them out of its way, waits until every published event is completed.
 */
public final class SecondaryEffects {

    private SecondaryEffects() {}

    public static void awaitAll(JdbcClient jdbc) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> jdbc
                .sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL").query(Long.class).single() == 0);
    }
}
