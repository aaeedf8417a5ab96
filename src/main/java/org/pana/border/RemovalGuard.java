package org.pana.border;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.pana.access.PanaUser;
import org.pana.audit.AuditEntry;
import org.pana.audit.AuditTrail;
import org.pana.platform.RemovalGround;
import org.pana.platform.RemovalGrounds;
import org.pana.registration.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The non-refoulement guard: may this person be removed from the country today? It collects the grounds every
 * module knows ({@link RemovalGrounds}) and allows removal only if there are none. A module that cannot answer
 * makes the answer "not allowed" ({@value #UNAVAILABLE}): the guard fails closed. Every check is audited.
 */
@Service
public class RemovalGuard {

    static final String UNAVAILABLE = "GROUNDS_UNAVAILABLE";
    static final String ACTION = "REMOVAL_CHECKED";

    private static final Logger log = LoggerFactory.getLogger(RemovalGuard.class);

    /** The answer: whether removal is allowed, and every ground against it, oldest first. */
    public record RemovalCheck(UUID personId, boolean removalAllowed, List<RemovalGround> grounds, Instant checkedAt) {}

    private final List<RemovalGrounds> sources;
    private final Registry registry;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    RemovalGuard(List<RemovalGrounds> sources, Registry registry, AuditTrail audit, Clock clock,
            @Value("${pana.registration.time-zone:Asia/Almaty}") ZoneId zone) {
        this.sources = List.copyOf(sources);
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
    }

    /** Checks a person the caller may see ("not found", audited as denied, otherwise). */
    @Transactional
    public RemovalCheck check(PanaUser caller, UUID personId) {
        registry.requireVisible(caller, personId, ACTION);
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        List<RemovalGround> grounds = new ArrayList<>();
        for (RemovalGrounds source : sources) {
            try {
                grounds.addAll(source.of(personId, today));
            } catch (RuntimeException e) {
                log.warn("Removal grounds from {} could not be read; removal is not allowed", source.getClass().getSimpleName(), e);
                grounds.add(new RemovalGround(UNAVAILABLE, today, null));
            }
        }
        grounds.sort(Comparator.comparing(RemovalGround::since).thenComparing(RemovalGround::kind));
        boolean allowed = grounds.isEmpty();
        audit.record(AuditEntry.success(ACTION, "PERSON", personId)
                .withDetails(allowed ? "allowed" : "not allowed: " + String.join(", ", grounds.stream().map(RemovalGround::kind).toList())));
        return new RemovalCheck(personId, allowed, List.copyOf(grounds), now);
    }
}
