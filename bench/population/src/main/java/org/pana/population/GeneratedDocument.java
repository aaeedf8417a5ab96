package org.pana.population;

import java.time.LocalDate;

/** An identity document held: type (PASSPORT, NATIONAL_ID, ...), number, ISO alpha-3 issuer, expiry. */
public record GeneratedDocument(String type, String number, String issuingCountry, LocalDate expiresOn) {}
