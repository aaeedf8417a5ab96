package org.pana.registration.household;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.pana.access.PanaUser;
import org.pana.audit.AuditEntry;
import org.pana.audit.AuditTrail;
import org.pana.platform.NotFound;
import org.pana.platform.RuleViolation;
import org.pana.platform.RuleViolation.FieldProblem;
import org.pana.platform.StateConflict;
import org.pana.platform.TimeOrderedIds;
import org.pana.platform.Versions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Households (registration groups): registering a group from people already registered, members
 * joining and leaving, changing the focal point, and reading a household with its history. A
 * household is visible to a caller who may see its focal point in the caller's jurisdiction; everyone
 * else gets 404, and a DENIED audit event. Every read and write is audited in the same transaction.
 */
@Service
public class Households {

    static final String SUBJECT = "HOUSEHOLD";

    /** A new household: its focal point and the other members with their relationship to the focal point. */
    public record NewHousehold(UUID focalPointId, LocalDate joinedOn, List<NewMember> members) {}

    public record NewMember(UUID personId, Relationship relationship, LocalDate joinedOn) {}

    /** A new focal point; the previous one becomes a member with the given relationship; others may be restated. */
    public record FocalPointChange(UUID personId, Relationship previousFocalPointRelationship,
            Map<UUID, Relationship> relationships, String reason) {}

    /** A household as its reader sees it: the household, every membership, and its history. */
    public record HouseholdRecord(Household household, List<HouseholdChange> history) {}

    /** One of a person's households, with the person's memberships in it (current and past). */
    public record PersonHousehold(Household household, List<Membership> memberships) {
        public boolean current() {
            return memberships.stream().anyMatch(Membership::active);
        }
    }

    private final HouseholdRepository households;
    private final RegisteredPeople people;
    private final AuditTrail audit;
    private final Clock clock;
    private final TimeOrderedIds ids;
    private final ZoneId zone;

    Households(HouseholdRepository households, RegisteredPeople people, AuditTrail audit, Clock clock, TimeOrderedIds ids,
            @Value("${pana.registration.time-zone:Asia/Almaty}") ZoneId zone) {
        this.zone = zone;
        this.households = households;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
        this.ids = ids;
    }

    @Transactional
    public HouseholdRecord register(PanaUser caller, NewHousehold request) {
        people.requireWriter(caller);
        return create(caller, request);
    }

    private HouseholdRecord create(PanaUser caller, NewHousehold request) {
        LocalDate today = today();
        List<FieldProblem> problems = new ArrayList<>();
        if (request.focalPointId() == null) problems.add(new FieldProblem("focalPointId", "Choose the focal point."));
        LocalDate focalJoined = request.joinedOn() == null ? today : request.joinedOn();
        if (focalJoined.isAfter(today)) problems.add(new FieldProblem("joinedOn", "The joining date cannot be in the future."));
        List<NewMember> members = request.members() == null ? List.of() : request.members();
        Set<UUID> seen = new HashSet<>();
        if (request.focalPointId() != null) seen.add(request.focalPointId());
        for (int i = 0; i < members.size(); i++) {
            NewMember m = members.get(i);
            String field = "members[" + i + "]";
            if (m == null || m.personId() == null) {
                problems.add(new FieldProblem(field + ".personId", "Choose the person."));
                continue;
            }
            if (!seen.add(m.personId())) problems.add(new FieldProblem(field + ".personId", "This person is already in the household."));
            if (m.relationship() == null || m.relationship() == Relationship.FOCAL_POINT) {
                problems.add(new FieldProblem(field + ".relationship", "Give the relationship to the focal point."));
            }
            if (m.joinedOn() != null && m.joinedOn().isAfter(today)) {
                problems.add(new FieldProblem(field + ".joinedOn", "The joining date cannot be in the future."));
            }
        }
        if (!problems.isEmpty()) throw new RuleViolation("validation", "The household has invalid fields.", problems);

        for (UUID personId : seen) people.requireVisible(caller, personId, "HOUSEHOLD_CREATE");
        for (UUID personId : seen) requireNotInAHousehold(personId);

        Instant now = clock.instant();
        UUID id = ids.next();
        int year = now.atZone(zone).getYear();
        HouseholdNumber number = HouseholdNumber.of(caller.jurisdiction(), year, households.nextSerial(caller.jurisdiction(), year));
        households.insert(id, number, caller.jurisdiction(), request.focalPointId(), now, caller.userId());
        households.recordChange(ids.next(), id, now, HouseholdChangeKind.CREATED, request.focalPointId(), number.value(), null, caller);
        List<Membership> memberships = new ArrayList<>();
        memberships.add(new Membership(ids.next(), request.focalPointId(), Relationship.FOCAL_POINT, focalJoined, null, null));
        for (NewMember m : members) {
            memberships.add(new Membership(ids.next(), m.personId(), m.relationship(), m.joinedOn() == null ? today : m.joinedOn(), null, null));
        }
        for (Membership m : memberships) {
            requireJoinAfterEarlierMemberships(m.personId(), m.joinedOn(), "joinedOn");
            insertMembership(id, m, now, caller);
            households.recordChange(ids.next(), id, now, HouseholdChangeKind.MEMBER_JOINED, m.personId(), m.relationship().name(), null, caller);
        }
        audit.record(AuditEntry.success("HOUSEHOLD_CREATED", SUBJECT, id));
        return new HouseholdRecord(households.find(id).orElseThrow(), households.changes(id));
    }

    /**
     * People a border officer met together become one household (issue 4): if the main person is already an
     * active member of one, the others join it (those already in it are left as they are); otherwise a new
     * household is registered with the main person as focal point. Relationships are to the main person; when
     * the main person is not the household's focal point, the change history says so. Border officers record
     * people but do not otherwise change households. A companion in another household: 409, nothing written.
     */
    @Transactional
    public HouseholdRecord registerAtBorder(PanaUser officer, UUID mainPersonId, List<NewMember> companions) {
        if (!officer.has(org.pana.access.Role.BORDER_OFFICER)) {
            throw new org.springframework.security.access.AccessDeniedException("Only border officers group the people they meet at the border");
        }
        people.requireVisible(officer, mainPersonId, "HOUSEHOLD_CREATE");
        for (NewMember m : companions) people.requireVisible(officer, m.personId(), "HOUSEHOLD_MEMBER_JOIN");
        Optional<UUID> existing = households.activeHouseholdOf(mainPersonId);
        if (existing.isEmpty()) return create(officer, new NewHousehold(mainPersonId, null, companions));
        Household household = households.find(existing.get()).orElseThrow();
        advance(household, null);
        Instant now = clock.instant();
        String reason = mainPersonId.equals(household.focalPointId()) ? "Met at the border with the focal point"
                : "Met at the border with member " + mainPersonId + "; relationship stated to that member, not to the focal point";
        for (NewMember m : companions) {
            if (household.activeMembershipOf(m.personId()).isPresent()) continue;
            requireNotInAHousehold(m.personId());
            LocalDate joinedOn = today();
            requireJoinAfterEarlierMemberships(m.personId(), joinedOn, "joinedOn");
            insertMembership(household.id(), new Membership(ids.next(), m.personId(), m.relationship(), joinedOn, null, null), now, officer);
            households.recordChange(ids.next(), household.id(), now, HouseholdChangeKind.MEMBER_JOINED, m.personId(), m.relationship().name(),
                    reason, officer);
            audit.record(AuditEntry.success("HOUSEHOLD_MEMBER_JOINED", SUBJECT, household.id()).withDetails("person " + m.personId()));
        }
        return new HouseholdRecord(households.find(household.id()).orElseThrow(), households.changes(household.id()));
    }

    @Transactional
    public HouseholdRecord household(PanaUser caller, UUID id) {
        Household household = visible(caller, id, "HOUSEHOLD_READ");
        audit.record(AuditEntry.success("HOUSEHOLD_READ", SUBJECT, id));
        return new HouseholdRecord(household, households.changes(id));
    }

    @Transactional
    public HouseholdRecord join(PanaUser caller, UUID id, NewMember member, String reason, Long expectedVersion) {
        people.requireWriter(caller);
        Household household = visible(caller, id, "HOUSEHOLD_MEMBER_JOIN");
        LocalDate today = today();
        List<FieldProblem> problems = new ArrayList<>();
        if (member.personId() == null) problems.add(new FieldProblem("personId", "Choose the person."));
        if (member.relationship() == null || member.relationship() == Relationship.FOCAL_POINT) {
            problems.add(new FieldProblem("relationship", "Give the relationship to the focal point."));
        }
        LocalDate joinedOn = member.joinedOn() == null ? today : member.joinedOn();
        if (joinedOn.isAfter(today)) problems.add(new FieldProblem("joinedOn", "The joining date cannot be in the future."));
        if (!problems.isEmpty()) throw new RuleViolation("validation", "The member has invalid fields.", problems);
        people.requireVisible(caller, member.personId(), "HOUSEHOLD_MEMBER_JOIN");
        advance(household, expectedVersion);
        requireNotInAHousehold(member.personId());
        requireJoinAfterEarlierMemberships(member.personId(), joinedOn, "joinedOn");
        Instant now = clock.instant();
        insertMembership(id, new Membership(ids.next(), member.personId(), member.relationship(), joinedOn, null, null), now, caller);
        households.recordChange(ids.next(), id, now, HouseholdChangeKind.MEMBER_JOINED, member.personId(),
                member.relationship().name(), trimmed(reason), caller);
        audit.record(AuditEntry.success("HOUSEHOLD_MEMBER_JOINED", SUBJECT, id).withDetails("person " + member.personId()));
        return new HouseholdRecord(households.find(id).orElseThrow(), households.changes(id));
    }

    @Transactional
    public HouseholdRecord leave(PanaUser caller, UUID id, UUID personId, LocalDate leftOn, String reason, Long expectedVersion) {
        people.requireWriter(caller);
        Household household = visible(caller, id, "HOUSEHOLD_MEMBER_LEAVE");
        LocalDate today = today();
        if (leftOn == null) throw RuleViolation.onField("leftOn", "Give the date the person left.");
        if (leftOn.isAfter(today)) throw RuleViolation.onField("leftOn", "The leaving date cannot be in the future.");
        if (reason == null || reason.isBlank()) throw RuleViolation.onField("reason", "Say why the person left.");
        Membership membership = household.activeMembershipOf(personId)
                .orElseThrow(() -> new StateConflict("not-a-member", "This person is not an active member of the household."));
        if (leftOn.isBefore(membership.joinedOn())) {
            throw RuleViolation.onField("leftOn", "The leaving date is before the day the person joined (" + membership.joinedOn() + ").");
        }
        if (personId.equals(household.focalPointId())) {
            throw new StateConflict("focal-point-leaving", "The focal point cannot leave: choose another focal point first.");
        }
        advance(household, expectedVersion);
        Instant now = clock.instant();
        households.closeMembership(membership.id(), leftOn, trimmed(reason), now, caller.userId());
        households.recordChange(ids.next(), id, now, HouseholdChangeKind.MEMBER_LEFT, personId, leftOn.toString(), trimmed(reason), caller);
        audit.record(AuditEntry.success("HOUSEHOLD_MEMBER_LEFT", SUBJECT, id).withDetails("person " + personId));
        return new HouseholdRecord(households.find(id).orElseThrow(), households.changes(id));
    }

    @Transactional
    public HouseholdRecord changeFocalPoint(PanaUser caller, UUID id, FocalPointChange change, long expectedVersion) {
        people.requireWriter(caller);
        Household household = visible(caller, id, "HOUSEHOLD_FOCAL_POINT_CHANGE");
        Versions.require(expectedVersion, household.version());
        List<FieldProblem> problems = new ArrayList<>();
        if (change.personId() == null) problems.add(new FieldProblem("personId", "Choose the new focal point."));
        else if (household.activeMembershipOf(change.personId()).isEmpty()) {
            problems.add(new FieldProblem("personId", "The focal point must be an active member of the household."));
        } else if (change.personId().equals(household.focalPointId())) {
            problems.add(new FieldProblem("personId", "This person is already the focal point."));
        }
        if (change.previousFocalPointRelationship() == null || change.previousFocalPointRelationship() == Relationship.FOCAL_POINT) {
            problems.add(new FieldProblem("previousFocalPointRelationship", "Give the previous focal point's relationship to the new one."));
        }
        if (change.reason() == null || change.reason().isBlank()) problems.add(new FieldProblem("reason", "Say why the focal point changes."));
        Map<UUID, Relationship> restated = change.relationships() == null ? Map.of() : change.relationships();
        restated.forEach((personId, relationship) -> {
            if (household.activeMembershipOf(personId).isEmpty() || personId.equals(change.personId())
                    || personId.equals(household.focalPointId())) {
                problems.add(new FieldProblem("relationships." + personId, "Only other active members can be given a relationship here."));
            } else if (relationship == null || relationship == Relationship.FOCAL_POINT) {
                problems.add(new FieldProblem("relationships." + personId, "Give the relationship to the new focal point."));
            }
        });
        if (!problems.isEmpty()) throw new RuleViolation("validation", "The focal point change has invalid fields.", problems);
        advance(household, expectedVersion);
        Instant now = clock.instant();
        String reason = trimmed(change.reason());
        UUID previous = household.focalPointId();
        households.changeFocalPoint(id, change.personId());
        Membership previousMembership = household.activeMembershipOf(previous).orElseThrow();
        Membership nextMembership = household.activeMembershipOf(change.personId()).orElseThrow();
        households.changeRelationship(previousMembership.id(), change.previousFocalPointRelationship());
        households.changeRelationship(nextMembership.id(), Relationship.FOCAL_POINT);
        households.recordChange(ids.next(), id, now, HouseholdChangeKind.FOCAL_POINT_CHANGED, change.personId(),
                nextMembership.relationship().name() + "->FOCAL_POINT", reason, caller);
        households.recordChange(ids.next(), id, now, HouseholdChangeKind.RELATIONSHIP_CHANGED, previous,
                "FOCAL_POINT->" + change.previousFocalPointRelationship().name(), reason, caller);
        for (var entry : restated.entrySet()) {
            Membership m = household.activeMembershipOf(entry.getKey()).orElseThrow();
            if (m.relationship() == entry.getValue()) continue;
            households.changeRelationship(m.id(), entry.getValue());
            households.recordChange(ids.next(), id, now, HouseholdChangeKind.RELATIONSHIP_CHANGED, entry.getKey(),
                    m.relationship().name() + "->" + entry.getValue().name(), reason, caller);
        }
        audit.record(AuditEntry.success("HOUSEHOLD_FOCAL_POINT_CHANGED", SUBJECT, id));
        return new HouseholdRecord(households.find(id).orElseThrow(), households.changes(id));
    }

    /** The households a person belongs or belonged to, visible with the person. */
    @Transactional
    public List<PersonHousehold> householdsOf(PanaUser caller, UUID personId) {
        people.requireVisible(caller, personId, "PERSON_HOUSEHOLDS_READ");
        List<PersonHousehold> result = new ArrayList<>();
        for (UUID householdId : households.householdIdsOf(personId)) {
            Household household = households.find(householdId).orElseThrow();
            if (!household.jurisdiction().equals(caller.jurisdiction())) continue;
            result.add(new PersonHousehold(household, household.members().stream().filter(m -> m.personId().equals(personId)).toList()));
        }
        audit.record(AuditEntry.success("PERSON_HOUSEHOLDS_READ", "PERSON", personId));
        return result;
    }

    private Household visible(PanaUser caller, UUID id, String action) {
        people.requireReader(caller);
        Household household = households.find(id).orElseThrow(() -> new NotFound("Household"));
        if (!household.jurisdiction().equals(caller.jurisdiction()) || !people.mayRead(caller, household.focalPointId())) {
            audit.recordSeparately(AuditEntry.denied(action, SUBJECT, id));
            throw new NotFound("Household");
        }
        return household;
    }

    private void advance(Household household, Long expectedVersion) {
        if (!households.advanceVersion(household.id(), expectedVersion)) {
            if (expectedVersion != null) throw new Versions.PreconditionFailed();
            throw new NotFound("Household");
        }
    }

    private void requireNotInAHousehold(UUID personId) {
        if (households.activeHouseholdOf(personId).isPresent()) {
            throw new StateConflict("already-in-a-household",
                    "This person is already an active member of a household: they must leave it first.");
        }
    }

    private void requireJoinAfterEarlierMemberships(UUID personId, LocalDate joinedOn, String field) {
        households.lastLeftOn(personId).ifPresent(lastLeft -> {
            if (joinedOn.isBefore(lastLeft)) {
                throw RuleViolation.onField(field, "The person was still in another household until " + lastLeft
                        + "; the joining date cannot be earlier.");
            }
        });
    }

    private void insertMembership(UUID householdId, Membership m, Instant now, PanaUser caller) {
        try {
            households.insertMembership(householdId, m, now, caller.userId());
        } catch (DuplicateKeyException concurrentJoin) {
            throw new StateConflict("already-in-a-household",
                    "This person is already an active member of a household: they must leave it first.");
        }
    }

    /** Today where the registration takes place ({@code pana.registration.time-zone}, as for person numbers). */
    private LocalDate today() {
        return clock.instant().atZone(zone).toLocalDate();
    }

    private static String trimmed(String text) {
        if (text == null || text.isBlank()) return null;
        String t = text.strip();
        return t.length() > 1000 ? t.substring(0, 1000) : t;
    }
}
