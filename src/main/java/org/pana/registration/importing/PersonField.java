package org.pana.registration.importing;

/**
 * The person fields a column can be mapped to. Name fields belong to a name set (one person may be
 * written in Latin and in Cyrillic in the same file: two sets); the others are one per person.
 */
public enum PersonField {
    GIVEN_NAME(true, false),
    FAMILY_NAME(true, false),
    PATRONYMIC(true, false),
    SEX(false, false),
    BIRTH_DATE(false, true),
    BIRTH_DATE_PRECISION(false, false),
    PLACE_OF_BIRTH(false, false),
    NATIONALITIES(false, false),
    LANGUAGES(false, false),
    MARITAL_STATUS(false, false),
    EDUCATION(false, false),
    OCCUPATION(false, false),
    DOCUMENT_TYPE(false, false),
    DOCUMENT_NUMBER(false, false),
    DOCUMENT_ISSUING_COUNTRY(false, false),
    DOCUMENT_ISSUED_ON(false, true),
    DOCUMENT_EXPIRES_ON(false, true),
    ADDRESS_REGION(false, false),
    ADDRESS_LOCALITY(false, false),
    ADDRESS(false, false),
    PHONE(false, false),
    EMAIL(false, false);

    private final boolean name;
    private final boolean date;

    PersonField(boolean name, boolean date) {
        this.name = name;
        this.date = date;
    }

    /** Part of a name set (given, family, patronymic). */
    public boolean isName() {
        return name;
    }

    /** Holds a date, so its column needs a date format. */
    public boolean isDate() {
        return date;
    }
}
