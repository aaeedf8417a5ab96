package org.pana.platform;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a module knows that blocks the removal of a person (ADR 0006). Each module that holds such facts (a
 * specific need, a border referral, an asylum application, refugee status, an appeal) implements this as a
 * bean; the removal guard asks every one of them and knows none of their tables. An implementation answers
 * from its own data only, for the person's record in any jurisdiction, and throws rather than guess: the guard
 * then refuses the removal.
 */
public interface RemovalGrounds {

    /** The grounds that stand on {@code asOf} (the country's date), oldest first; empty if none. */
    List<RemovalGround> of(UUID personId, LocalDate asOf);
}
