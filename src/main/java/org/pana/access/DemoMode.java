package org.pana.access;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Whether this installation runs on demo data: every page then shows the DEMO banner. */
@Component
public class DemoMode {

    private final boolean requested;
    private volatile boolean demoAccountsActive;

    DemoMode(Environment environment) {
        this.requested = environment.containsProperty("demo") || environment.getProperty("pana.demo", Boolean.class, false);
    }

    /** Started with {@code --demo} (or {@code pana.demo=true}). */
    public boolean requested() {
        return requested;
    }

    /** Demo mode was asked for, or the database holds active demo accounts. */
    public boolean isOn() {
        return requested || demoAccountsActive;
    }

    void refresh(boolean active) {
        this.demoAccountsActive = active;
    }
}
