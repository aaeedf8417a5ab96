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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The non-refoulement guard: may this person be removed from the country today? It collects the grounds every
 * module knows ({@link RemovalGrounds}) and allows removal only if there are none. A module that cannot answer
 * makes the answer "not allowed" ({@value #UNAVAILABLE}): the guard fails closed. Every check is audited, and a
 * check that finds grounds tells the jurisdiction's protection monitors.
 *
 * <p>Each module is asked inside a savepoint of its own: on PostgreSQL one failed statement aborts the whole
 * transaction, so without it one module's broken query would take the other modules' answers, the audit event
 * and the monitors' notice down with it.
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
    private final BorderNotices notices;
    private final TransactionTemplate savepoint;

    RemovalGuard(List<RemovalGrounds> sources, Registry registry, AuditTrail audit, Clock clock,
            @Value("${pana.registration.time-zone:Asia/Almaty}") ZoneId zone, BorderNotices notices, PlatformTransactionManager transactions) {
        this.sources = List.copyOf(sources);
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
        this.notices = notices;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Checks a person the caller may see ("not found", audited as denied, otherwise). */
    @Transactional
    public RemovalCheck check(PanaUser caller, UUID personId) {
        registry.requireVisible(caller, personId, ACTION);
        Instant now = clock.instant();
        List<RemovalGround> grounds = groundsOn(personId, now.atZone(zone).toLocalDate());
        boolean allowed = grounds.isEmpty();
        audit.record(AuditEntry.success(ACTION, "PERSON", personId)
                .withDetails(allowed ? "allowed" : "not allowed: " + String.join(", ", grounds.stream().map(RemovalGround::kind).toList())));
        if (!allowed) notices.removalBlocked(caller.jurisdiction(), personId);
        return new RemovalCheck(personId, allowed, grounds, now);
    }

    /**
     * Every module's grounds that stand on {@code asOf} (the country's date), oldest first; a module that cannot
     * answer adds {@value #UNAVAILABLE}. Runs in the caller's transaction, each module in a savepoint.
     */
    List<RemovalGround> groundsOn(UUID personId, LocalDate asOf) {
        List<RemovalGround> grounds = new ArrayList<>();
        for (RemovalGrounds source : sources) {
            try {
                grounds.addAll(savepoint.execute(status -> source.of(personId, asOf)));
            } catch (RuntimeException e) {
                log.warn("Removal grounds from {} could not be read; removal is not allowed", source.getClass().getSimpleName(), e);
                grounds.add(new RemovalGround(UNAVAILABLE, asOf, null));
            }
        }
        grounds.sort(Comparator.comparing(RemovalGround::since).thenComparing(RemovalGround::kind));
        return List.copyOf(grounds);
    }
}
