package org.pana.registration;

/**
 * How much of a birth date is known. With {@code YEAR} only the year of the stored date counts (the
 * day and month are placeholders); {@code ESTIMATED} dates were assessed, not declared.
 */
public enum BirthDatePrecision {
    DAY, MONTH, YEAR, ESTIMATED
}
