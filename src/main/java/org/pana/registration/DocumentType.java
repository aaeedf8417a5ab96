package org.pana.registration;

/** Kinds of identity document a person may hold. */
public enum DocumentType {
    PASSPORT, NATIONAL_ID, BIRTH_CERTIFICATE, TRAVEL_DOCUMENT, MARRIAGE_CERTIFICATE, DRIVING_LICENCE, RESIDENCE_PERMIT, OTHER
}
