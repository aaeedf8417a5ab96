package org.pana.platform;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduled jobs run in the server, not in command-line runs; tests switch them off and call jobs directly. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "pana.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfiguration {}
