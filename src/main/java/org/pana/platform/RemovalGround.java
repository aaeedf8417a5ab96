package org.pana.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One reason a person may not be removed from the country (non-refoulement), as a module knows it: what
 * ({@code kind}, e.g. {@code SPECIFIC_NEED_LP_RR}, {@code OPEN_BORDER_REFERRAL}), since when, and a reference
 * the officer can quote (a referral or application number; never personal data).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RemovalGround(String kind, LocalDate since, String reference) {

    public RemovalGround {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(since, "since");
    }
}
