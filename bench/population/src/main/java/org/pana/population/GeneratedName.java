package org.pana.population;

/** A name as one source wrote it; {@code script} is ISO 15924, {@code kind} DOCUMENT, DECLARED or ALIAS. */
public record GeneratedName(String given, String family, String patronymic, String script, String kind) {}
