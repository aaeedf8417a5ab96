package org.pana.testing;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Registers a {@link TestClock} as the {@code clock} bean of every test application context. */
public class TestClockInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!context.getBeanFactory().containsBean("clock")) {
            context.getBeanFactory().registerSingleton("clock", new TestClock());
        }
    }
}
