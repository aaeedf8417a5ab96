package org.pana.platform.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/**
 * Turns on {@code @PreAuthorize} for every module, once, so that an entry point or controller states
 * the role it needs next to its code. Which roles exist and how a caller gets them is the access
 * module's business.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class MethodSecurityConfiguration {}
