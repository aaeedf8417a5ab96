package org.pana.access;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts {@code demoMode} in every page's model, for the layout's DEMO banner. */
@ControllerAdvice
class DemoBanner {

    private final DemoMode demoMode;

    DemoBanner(DemoMode demoMode) {
        this.demoMode = demoMode;
    }

    @ModelAttribute("demoMode")
    boolean demoMode() {
        return demoMode.isOn();
    }
}
