package org.pana.registration;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.pana.access.PanaUser;
import org.pana.audit.AuditEntry;
import org.pana.audit.AuditTrail;
import org.pana.platform.RuleViolation.FieldProblem;
import org.pana.registration.household.Households;
import org.pana.registration.household.Relationship;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People a border officer meets together (issue 4): the main person and the people accompanying them, each
 * new (registered now) or already registered (linked, never registered twice), become one household. The
 * border module sends what the officer recorded and gets back who is who; the household rules stay here.
 * {@link #check} names every problem with its path in the encounter ({@code person.names[0].given},
 * {@code accompanyingPersons[1].relationship}) so the border can answer all of them at once, before anything
 * is written.
 */
@Service
public class BorderArrivals {

    public static final int MAX_COMPANIONS = 20;

    /** Someone met with the main person: new ({@code person}) or registered ({@code personId}); relationship to the main person. */
    public record Companion(PersonDetails person, UUID personId, String relationship) {}

    /** A companion once registered or linked. */
    public record Member(UUID personId, String registrationNumber, String relationship) {}

    /** The household the group belongs to (none when the main person came alone) and its companions, in the order given. */
    public record Arrived(UUID householdId, String householdNumber, List<Member> companions) {
        public Arrived {
            companions = List.copyOf(companions);
        }
    }

    private final Registry registry;
    private final Households households;
    private final PersonRules rules;
    private final PersonQueries queries;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    BorderArrivals(Registry registry, Households households, PersonRules rules, PersonQueries queries, AuditTrail audit, Clock clock,
            @Value("${pana.registration.time-zone:Asia/Almaty}") ZoneId zone) {
        this.registry = registry;
        this.households = households;
        this.rules = rules;
        this.queries = queries;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Every problem with the main person (when new) and the companions, with its path; nothing is written. A
     * companion id the officer may not see is named like an unknown one (and the attempt audited as denied).
     */
    @Transactional
    public List<FieldProblem> check(PanaUser officer, PersonDetails mainPerson, UUID mainPersonId, List<Companion> companions) {
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        List<FieldProblem> problems = new ArrayList<>();
        if (mainPerson != null) prefixed(rules.check(mainPerson, officer.jurisdiction(), today).problems(), "person", problems);
        if (companions == null) return problems;
        if (companions.size() > MAX_COMPANIONS) {
            problems.add(new FieldProblem("accompanyingPersons", "Record at most " + MAX_COMPANIONS + " accompanying persons."));
            return problems;
        }
        Set<UUID> seen = new HashSet<>();
        if (mainPersonId != null) seen.add(mainPersonId);
        for (int i = 0; i < companions.size(); i++) {
            String at = "accompanyingPersons[" + i + "]";
            Companion c = companions.get(i);
            if (c == null) {
                problems.add(new FieldProblem(at, "Enter the accompanying person."));
                continue;
            }
            if ((c.person() == null) == (c.personId() == null)) {
                problems.add(new FieldProblem(at + ".person", "Give either a new person or the id of one already registered."));
            } else if (c.person() != null) {
                prefixed(rules.check(c.person(), officer.jurisdiction(), today).problems(), at + ".person", problems);
            } else if (!seen.add(c.personId())) {
                problems.add(new FieldProblem(at + ".personId", "This person is already in the group."));
            } else if (!registry.isVisible(officer, c.personId())) {
                audit.recordSeparately(AuditEntry.denied("BORDER_ENCOUNTER_RECORDED", "PERSON", c.personId()));
                problems.add(new FieldProblem(at + ".personId", "No person with this id is registered."));
            }
            Relationship relationship = relationship(c.relationship());
            if (relationship == null || relationship == Relationship.FOCAL_POINT) {
                problems.add(new FieldProblem(at + ".relationship", "Choose the relationship to the main person: one of "
                        + List.of(Relationship.values()).subList(1, Relationship.values().length) + "."));
            }
        }
        return problems;
    }

    /**
     * Registers the new companions, links the registered ones and puts everyone in one household with the main
     * person (already registered or linked by the caller), in the caller's transaction. Call {@link #check} first:
     * a group with problems is refused here as a whole.
     */
    @Transactional
    public Arrived register(PanaUser officer, UUID mainPersonId, List<Companion> companions) {
        if (companions == null || companions.isEmpty()) return new Arrived(null, null, List.of());
        List<FieldProblem> problems = check(officer, null, mainPersonId, companions);
        if (!problems.isEmpty()) throw new org.pana.platform.RuleViolation("validation", "The accompanying persons have invalid fields.", problems);
        List<UUID> ids = new ArrayList<>();
        List<Households.NewMember> members = new ArrayList<>();
        for (Companion c : companions) {
            UUID id = c.personId() != null ? c.personId() : registry.registerEncountered(officer, c.person()).id();
            ids.add(id);
            members.add(new Households.NewMember(id, relationship(c.relationship()), null));
        }
        var household = households.registerAtBorder(officer, mainPersonId, members).household();
        Map<UUID, String> numbers = queries.registrationNumbers(officer.jurisdiction(), ids);
        List<Member> registered = new ArrayList<>();
        for (int i = 0; i < companions.size(); i++) {
            registered.add(new Member(ids.get(i), numbers.get(ids.get(i)), relationship(companions.get(i).relationship()).name()));
        }
        return new Arrived(household.id(), household.number(), registered);
    }

    private static Relationship relationship(String code) {
        if (code == null) return null;
        for (Relationship r : Relationship.values()) if (r.name().equals(code)) return r;
        return null;
    }

    private static void prefixed(List<FieldProblem> found, String prefix, List<FieldProblem> problems) {
        for (FieldProblem p : found) {
            problems.add(new FieldProblem(p.field() == null || p.field().isEmpty() ? prefix : prefix + "." + p.field(), p.message()));
        }
    }
}
