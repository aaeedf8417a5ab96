package org.pana.registration;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.pana.access.PanaUser;
import org.pana.audit.AuditEntry;
import org.pana.audit.AuditTrail;
import org.pana.matching.MatchIndex;
import org.pana.platform.NotFound;
import org.pana.platform.StateConflict;
import org.pana.platform.Versions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merges two records of one person and undoes such a merge (the decisions themselves are the duplicate
 * review's). The survivor takes what the merged record adds to it in one recorded change
 * ({@value #MERGED_FROM}); the merged record keeps its data and history, gets status
 * {@link PersonStatus#MERGED} and {@code merged_into}, and leaves matching ({@value #MERGED_INTO}). Undoing
 * gives the survivor back what the merge added and the merged record its status ({@value #MERGE_UNDONE} in
 * both histories). Both people must be of the caller's jurisdiction and visible to a registration officer.
 */
@Service
public class PersonMerges {

    static final String MERGED_FROM = "MERGED_FROM";
    static final String MERGED_INTO = "MERGED_INTO";
    static final String MERGE_UNDONE = "MERGE_UNDONE";

    private final PersonRepository people;
    private final PersonRules rules;
    private final PersonHistory history;
    private final ProtectionReviews reviews;
    private final PersonAccess access;
    private final MatchIndex matchIndex;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;

    PersonMerges(PersonRepository people, PersonRules rules, PersonHistory history, ProtectionReviews reviews, PersonAccess access,
            MatchIndex matchIndex, AuditTrail audit, JdbcClient jdbc, Clock clock,
            @Value("${pana.registration.time-zone:Asia/Almaty}") ZoneId zone) {
        this.people = people;
        this.rules = rules;
        this.history = history;
        this.reviews = reviews;
        this.access = access;
        this.matchIndex = matchIndex;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Merges {@code mergedId} into {@code survivorId}: {@code absorb} gets the survivor as it is and returns
     * it with what it gains from the merged record. Refused (409) if either record is merged already.
     */
    @Transactional
    public void merge(PanaUser caller, UUID survivorId, UUID mergedId, UnaryOperator<PersonDetails> absorb, String reason) {
        Person survivor = activePerson(caller, survivorId);
        Person merged = activePerson(caller, mergedId);
        if (survivorId.equals(mergedId)) throw new StateConflict("same-record", "A record cannot be merged into itself.");
        Instant now = clock.instant();
        Person saved = revise(caller, survivor, absorb, MERGED_FROM, reason, now);
        setStatus(merged, PersonStatus.MERGED, survivorId, now);
        history.record(caller, List.of(new PersonHistory.Change(mergedId, now, MERGED_INTO, reason, List.of(
                new HistoryEntry.FieldChange("status", PersonStatus.ACTIVE.name(), PersonStatus.MERGED.name(), false),
                new HistoryEntry.FieldChange("mergedInto", null, survivor.registrationNumber(), false)))));
        matchIndex.remove(mergedId);
        matchIndex.index(saved.matchProfile());
        audit.record(AuditEntry.success("PERSON_MERGED", "PERSON", mergedId).withDetails("survivor=" + survivorId));
        audit.record(AuditEntry.success("PERSON_UPDATED", "PERSON", survivorId).withDetails("merged=" + mergedId));
    }

    /**
     * Undoes the merge of {@code mergedId} into {@code survivorId}: {@code release} gets the survivor as it is
     * and returns it without what the merge added; the merged record is active again and back in matching.
     */
    @Transactional
    public void undoMerge(PanaUser caller, UUID survivorId, UUID mergedId, UnaryOperator<PersonDetails> release, String reason) {
        Person survivor = activePerson(caller, survivorId);
        Person merged = visiblePerson(caller, mergedId);
        if (merged.status() != PersonStatus.MERGED || !mergedInto(mergedId).map(survivorId::equals).orElse(false)) {
            throw new StateConflict("not-merged", "This record is not merged into that one.");
        }
        Instant now = clock.instant();
        Person saved = revise(caller, survivor, release, MERGE_UNDONE, reason, now);
        setStatus(merged, PersonStatus.ACTIVE, null, now);
        history.record(caller, List.of(new PersonHistory.Change(mergedId, now, MERGE_UNDONE, reason, List.of(
                new HistoryEntry.FieldChange("status", PersonStatus.MERGED.name(), PersonStatus.ACTIVE.name(), false),
                new HistoryEntry.FieldChange("mergedInto", survivor.registrationNumber(), null, false)))));
        matchIndex.index(saved.matchProfile());
        matchIndex.index(people.findById(mergedId).orElseThrow().matchProfile());
        audit.record(AuditEntry.success("PERSON_MERGE_UNDONE", "PERSON", mergedId).withDetails("survivor=" + survivorId));
        audit.record(AuditEntry.success("PERSON_UPDATED", "PERSON", survivorId).withDetails("merge-undone=" + mergedId));
    }

    /** The record this one was merged into, if it was merged (not audited: ids only). */
    @Transactional(readOnly = true)
    public Optional<UUID> mergedInto(UUID personId) {
        return jdbc.sql("SELECT merged_into FROM registration_person WHERE id = :id AND status = 'MERGED'").param("id", personId)
                .query(UUID.class).optional();
    }

    private Person revise(PanaUser caller, Person person, UnaryOperator<PersonDetails> change, String kind, String reason, Instant now) {
        PersonDetails current = person.facts().details(person.jurisdiction());
        PersonFacts facts = rules.check(change.apply(current), person.jurisdiction(), LocalDate.ofInstant(now, zone)).orThrow();
        List<HistoryEntry.FieldChange> changes = history.changes(current, facts.details(person.jurisdiction()));
        Person saved;
        try {
            saved = people.save(person.revise(facts, now));
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof OptimisticLockingFailureException) throw new Versions.PreconditionFailed();
            }
            throw e;
        }
        history.record(caller, List.of(new PersonHistory.Change(person.id(), now, kind, reason, changes)));
        Set<String> before = new HashSet<>(person.facts().specificNeeds());
        reviews.flag(facts.specificNeeds().stream().filter(code -> !before.contains(code))
                .map(code -> new ProtectionReviews.Flag(person.id(), person.jurisdiction(), code)).toList(), caller.userId(), now);
        return saved;
    }

    private void setStatus(Person person, PersonStatus status, UUID mergedInto, Instant now) {
        int updated = jdbc.sql("""
                UPDATE registration_person SET status = :status, merged_into = :into, updated_at = :at, version = version + 1
                WHERE id = :id AND version = :version""")
                .param("status", status.name()).param("into", mergedInto).param("at", now.atOffset(ZoneOffset.UTC))
                .param("id", person.id()).param("version", person.versionOrZero()).update();
        if (updated != 1) throw new Versions.PreconditionFailed();
    }

    private Person activePerson(PanaUser caller, UUID personId) {
        Person person = visiblePerson(caller, personId);
        if (person.status() != PersonStatus.ACTIVE) {
            throw new StateConflict("record-merged", "One of the records was merged into another record.");
        }
        return person;
    }

    private Person visiblePerson(PanaUser caller, UUID personId) {
        if (!access.mayRegister(caller)) throw new AccessDeniedException("Only registration officers merge people");
        Optional<Person> person = people.findById(personId);
        if (person.isEmpty() || !access.sees(caller, personId, person.get().jurisdiction())) {
            audit.recordSeparately(AuditEntry.denied("PERSON_MERGED", "PERSON", personId));
            throw new NotFound("Person");
        }
        return person.get();
    }
}
