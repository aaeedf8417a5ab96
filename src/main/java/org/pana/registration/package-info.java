/**
 * The person record everything else hangs on: people with names in several scripts, documents,
 * specific needs and photos; households (registration groups) with a focal point; registration
 * numbers per jurisdiction and year; the history of every change; search; duplicate review and
 * merge; import of lists. Duplicate candidates come from {@code matching}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Registration",
        allowedDependencies = {"platform", "access", "audit", "matching", "population"})
package org.pana.registration;
