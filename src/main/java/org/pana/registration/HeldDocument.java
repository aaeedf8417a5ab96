package org.pana.registration;

import java.time.LocalDate;
import java.util.Locale;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/** A document the person holds. {@code numberKey} is the number as search compares it. */
@Table("registration_person_document")
record HeldDocument(@Column("type") DocumentType type, @Column("number") String number, @Column("number_key") String numberKey,
        @Column("issuing_country") String issuingCountry, @Column("issued_on") LocalDate issuedOn,
        @Column("expires_on") LocalDate expiresOn) {

    /** Upper case, letters and digits only: "p 123-4567" finds "P1234567". */
    static String keyOf(String number) {
        if (number == null) return "";
        StringBuilder key = new StringBuilder(number.length());
        number.toUpperCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit).forEach(key::appendCodePoint);
        return key.toString();
    }
}
