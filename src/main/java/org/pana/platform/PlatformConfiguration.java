package org.pana.platform;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * The clock, the id generator, and asynchronous event listeners: an {@code @ApplicationModuleListener}
 * runs on Boot's task executor after the publishing transaction commits, so secondary effects (such as
 * looking for duplicates of a person just registered) neither slow the request down nor take a second
 * pooled connection while the request still holds its first. Unfinished events stay in the JDBC event
 * publication registry and are republished on restart.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class PlatformConfiguration {

    /** The only source of "now" in Pana; tests replace it with a fixed or movable clock. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    TimeOrderedIds timeOrderedIds(Clock clock) {
        return new TimeOrderedIds(clock);
    }
}
