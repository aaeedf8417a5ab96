package org.pana.matching;

/**
 * One way a person's name is written: the parts as entered and the script they were entered in
 * (ISO 15924: {@code Latn}, {@code Cyrl}, {@code Arab}). Any part may be null.
 */
public record MatchName(String given, String family, String patronymic, String script) {}
