package org.pana.border;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.pana.access.PanaUser;
import org.pana.audit.AuditEntry;
import org.pana.audit.AuditTrail;
import org.pana.platform.FieldText;
import org.pana.platform.RuleViolation;
import org.pana.platform.RuleViolation.FieldProblem;
import org.pana.platform.TimeOrderedIds;
import org.pana.registration.BorderArrivals;
import org.pana.registration.PersonDetails;
import org.pana.registration.Registry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A border officer's record of meeting a person at a border point: who (registered now, or already
 * registered and linked), when, where, how they arrived, whether they expressed a wish to seek asylum (in any
 * words), what they were told and in which language, and the preliminary profile of UNHCR's 10-Point Plan.
 * Asylum intent creates the referral in the same transaction. No document and no visa is a normal answer.
 */
@Service
class Encounters {

    static final Set<String> ARRIVALS = Set.of("CROSSING_POINT", "IRREGULAR_ENTRY_INLAND", "AIRPORT_TRANSIT_ZONE");
    static final Set<String> PROFILES = Set.of("ASYLUM_SEEKER", "UNACCOMPANIED_OR_SEPARATED_CHILD", "POSSIBLE_VICTIM_OF_TRAFFICKING",
            "OTHER_SPECIFIC_NEEDS", "OTHER_MIGRANT");

    /** What the officer records (api.md: a new person, or the id of one already registered). */
    record EncounterRecord(PersonDetails person, UUID personId, Instant encounteredAt, String borderPoint, String arrival,
            Boolean asylumIntentExpressed, String intentInOwnWords, String leafletLanguage, String interpreterLanguage,
            String profile, List<BorderArrivals.Companion> accompanyingPersons) {}

    /** What was recorded: the person, the household the group became (none for a person met alone), the companions, the referral. */
    record Encounter(UUID id, UUID personId, String registrationNumber, UUID householdId, String householdNumber,
            List<BorderArrivals.Member> accompanyingPersons, Referrals.Referral referral) {}

    private final BorderPoints points;
    private final Referrals referrals;
    private final Registry registry;
    private final BorderArrivals arrivals;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final TimeOrderedIds ids;
    private final Clock clock;

    Encounters(BorderPoints points, Referrals referrals, Registry registry, BorderArrivals arrivals, AuditTrail audit, JdbcClient jdbc,
            TimeOrderedIds ids, Clock clock) {
        this.arrivals = arrivals;
        this.points = points;
        this.referrals = referrals;
        this.registry = registry;
        this.audit = audit;
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    Encounter record(PanaUser officer, EncounterRecord form) {
        Instant now = clock.instant();
        List<FieldProblem> problems = new ArrayList<>();
        BorderPoints.BorderPoint point = form.borderPoint() == null ? null
                : points.find(form.borderPoint()).filter(p -> p.jurisdiction().equals(officer.jurisdiction())).orElse(null);
        if (point == null) problems.add(new FieldProblem("borderPoint", "Choose a border point of your jurisdiction."));
        if (form.encounteredAt() == null) problems.add(new FieldProblem("encounteredAt", "Say when the person was met."));
        else if (form.encounteredAt().isAfter(now.plusSeconds(300))) problems.add(new FieldProblem("encounteredAt", "The encounter cannot be in the future."));
        String arrival = form.arrival() == null ? "CROSSING_POINT" : form.arrival();
        if (!ARRIVALS.contains(arrival)) problems.add(new FieldProblem("arrival", "Use one of " + String.join(", ", ARRIVALS.stream().sorted().toList()) + "."));
        if (form.asylumIntentExpressed() == null) problems.add(new FieldProblem("asylumIntentExpressed", "Say whether the person expressed a wish to seek asylum."));
        String profile = form.profile() == null ? (Boolean.TRUE.equals(form.asylumIntentExpressed()) ? "ASYLUM_SEEKER" : "OTHER_MIGRANT") : form.profile();
        if (!PROFILES.contains(profile)) problems.add(new FieldProblem("profile", "Use one of " + String.join(", ", PROFILES.stream().sorted().toList()) + "."));
        if ((form.person() == null) == (form.personId() == null)) problems.add(new FieldProblem("person", "Give either a new person or the id of one already registered."));
        String ownWords = FieldText.lines(form.intentInOwnWords(), "intentInOwnWords", 2000, problems);
        language(form.leafletLanguage(), "leafletLanguage", problems);
        language(form.interpreterLanguage(), "interpreterLanguage", problems);
        problems.addAll(arrivals.check(officer, form.person(), form.personId(), form.accompanyingPersons()));
        if (!problems.isEmpty()) throw new RuleViolation("validation", "The encounter has invalid fields.", problems);

        UUID personId;
        String number = null;
        if (form.personId() != null) {
            registry.requireVisible(officer, form.personId(), "BORDER_ENCOUNTER_RECORDED");
            personId = form.personId();
        } else {
            var registered = registry.registerEncountered(officer, form.person());
            personId = registered.id();
            number = registered.registrationNumber();
        }
        BorderArrivals.Arrived group = arrivals.register(officer, personId, form.accompanyingPersons());
        UUID id = ids.next();
        jdbc.sql("""
                INSERT INTO border_encounter (id, jurisdiction, person_id, border_point, encountered_at, arrival, asylum_intent,
                                              intent_in_own_words, leaflet_language, interpreter_language, profile, recorded_by, recorded_at,
                                              household_id, organisation_id)
                VALUES (:id, :j, :person, :point, :at, :arrival, :intent, :words, :leaflet, :interpreter, :profile, :by, :now, :household, :org)""")
                .param("id", id).param("j", officer.jurisdiction()).param("person", personId).param("point", point.code())
                .param("household", group.householdId()).param("org", officer.organisationId())
                .param("at", form.encounteredAt().atOffset(ZoneOffset.UTC)).param("arrival", arrival)
                .param("intent", form.asylumIntentExpressed()).param("words", ownWords)
                .param("leaflet", form.leafletLanguage()).param("interpreter", form.interpreterLanguage()).param("profile", profile)
                .param("by", officer.userId()).param("now", now.atOffset(ZoneOffset.UTC)).update();
        audit.record(AuditEntry.success("BORDER_ENCOUNTER_RECORDED", "PERSON", personId).withDetails("encounter " + id + " at " + point.code()));
        for (int i = 0; i < group.companions().size(); i++) {
            BorderArrivals.Member companion = group.companions().get(i);
            jdbc.sql("INSERT INTO border_encounter_companion (encounter_id, position, person_id, relationship) VALUES (:e, :i, :p, :r)")
                    .param("e", id).param("i", i).param("p", companion.personId()).param("r", companion.relationship()).update();
            audit.record(AuditEntry.success("BORDER_ENCOUNTER_RECORDED", "PERSON", companion.personId())
                    .withDetails("encounter " + id + " at " + point.code() + ", accompanying"));
        }
        Referrals.Referral referral = form.asylumIntentExpressed()
                ? referrals.create(officer.jurisdiction(), id, personId, group.householdId(), point.region(), form.encounteredAt(), profile)
                : null;
        return new Encounter(id, personId, number, group.householdId(), group.householdNumber(), group.companions(), referral);
    }

    private static void language(String code, String field, List<FieldProblem> problems) {
        if (code != null && !code.matches("[a-z]{3}")) problems.add(new FieldProblem(field, "Use an ISO 639 three-letter language code."));
    }

    /** One line of an officer's own encounters: where, when, whom, and where the referral stands. */
    record Recorded(UUID id, UUID personId, String borderPointName, Instant encounteredAt, int accompanying, UUID referralId,
            String referralStatus, Instant referralDueAt) {}

    record RecordedPage(List<Recorded> items, int page, int size, long total) {}

    /**
     * The encounters an officer recorded, newest first. Nothing here names a person: the page shows each one
     * through the register's audited listing.
     */
    RecordedPage recordedBy(PanaUser officer, int page, int size) {
        long total = jdbc.sql("SELECT count(*) FROM border_encounter WHERE recorded_by = :by AND jurisdiction = :j")
                .param("by", officer.userId()).param("j", officer.jurisdiction()).query(Long.class).single();
        List<Recorded> items = jdbc.sql("""
                SELECT e.id, e.person_id, p.name, e.encountered_at, r.id AS referral_id, r.status, r.due_at, r.acknowledged_at,
                       (SELECT count(*) FROM border_encounter_companion c WHERE c.encounter_id = e.id) AS accompanying
                FROM border_encounter e JOIN border_point p ON p.code = e.border_point LEFT JOIN border_referral r ON r.encounter_id = e.id
                WHERE e.recorded_by = :by AND e.jurisdiction = :j
                ORDER BY e.recorded_at DESC, e.id DESC LIMIT :limit OFFSET :offset""")
                .param("by", officer.userId()).param("j", officer.jurisdiction()).param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> {
                    java.time.OffsetDateTime due = rs.getObject("due_at", java.time.OffsetDateTime.class);
                    String status = rs.getString("status");
                    if (status != null && rs.getObject("acknowledged_at") == null && due.toInstant().isBefore(clock.instant())) status = "OVERDUE";
                    return new Recorded(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class), rs.getString("name"),
                            rs.getObject("encountered_at", java.time.OffsetDateTime.class).toInstant(), rs.getInt("accompanying"),
                            rs.getObject("referral_id", UUID.class), status, due == null ? null : due.toInstant());
                }).list();
        return new RecordedPage(items, page, size, total);
    }
}
