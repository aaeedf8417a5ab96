/**
 * Working calendars and legal deadlines: each jurisdiction's weekend, public holidays (domain.md,
 * "Calendar (Kazakhstan)"), days off moved off weekends and by decree, and the deadline rules of each
 * procedure step (domain.md, "Asylum procedure"). All of it is data, so a new year or a second country
 * is a migration, not code. Other modules count deadlines through {@link org.pana.calendar.WorkingCalendar}
 * and {@link org.pana.calendar.LegalDeadlines}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calendar", allowedDependencies = {"platform"})
package org.pana.calendar;
