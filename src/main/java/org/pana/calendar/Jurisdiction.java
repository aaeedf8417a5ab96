package org.pana.calendar;

import java.time.ZoneId;

/** A jurisdiction with a calendar: its ISO 3166-1 alpha-3 code, name and the time zone of its legal dates. */
record Jurisdiction(String code, LocalizedName name, ZoneId zone) {}
