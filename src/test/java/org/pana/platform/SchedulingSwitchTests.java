package org.pana.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * {@code pana.scheduling.enabled=false} (tests, command-line runs, nodes that must not run jobs) leaves no
 * scheduled task at all: no library may switch scheduling back on behind it. Spring Modulith's "moments"
 * did, which made the hourly border job fire inside test contexts and hold its lock when a test ran it.
 */
@SpringBootTest
class SchedulingSwitchTests {

    @Autowired ObjectProvider<ScheduledTaskHolder> scheduledTasks;

    @Test
    void noJobIsScheduledWhenSchedulingIsSwitchedOff() {
        assertThat(scheduledTasks.stream().flatMap(holder -> holder.getScheduledTasks().stream()).toList()).isEmpty();
    }
}
