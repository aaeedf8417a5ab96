package org.pana.registration.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.pana.access.PanaUser;
import org.pana.access.Role;
import org.pana.audit.AuditEntry;
import org.pana.audit.AuditTrail;
import org.pana.matching.Candidate;
import org.pana.matching.DuplicateFinder;
import org.pana.matching.DuplicateScan;
import org.pana.matching.MatchDecisions;
import org.pana.matching.MatchName;
import org.pana.matching.MatchProfile;
import org.pana.matching.MatchReason;
import org.pana.matching.MatchScore;
import org.pana.platform.NotFound;
import org.pana.platform.RuleViolation;
import org.pana.platform.StateConflict;
import org.pana.platform.TimeOrderedIds;
import org.pana.registration.PersonDetails;
import org.pana.registration.PersonMerges;
import org.pana.registration.PersonStatus;
import org.pana.registration.PersonView;
import org.pana.registration.Registry;
import org.pana.registration.ResultPage;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The duplicate review queue ({@code registration_duplicate_review}) and its decisions, for registration
 * officers of the pair's jurisdiction: open pairs best first, a side-by-side comparison, "same person"
 * (merge, see {@link PersonMerges}), "not the same person" (remembered by matching, never proposed again)
 * and undoing a merge.
 *
 * <p>Every decision first claims the item with its version ({@code UPDATE ... WHERE version = ?}): of two
 * officers deciding the same pair at once, the second gets 409 and nothing of theirs is saved. Every decision
 * is audited with ids only.
 *
 * <p>Undoing a merge removes exactly what the merge added to the kept record (kept with the item) and makes
 * the merged record active again. Changes made to the kept record after the merge stay; if one of them
 * changed or removed something the merge added, the undo is refused (409, {@code survivor-changed}), as it
 * could not restore the record exactly.
 */
@Service
public class DuplicateReviews {

    public static final String FOUND_BY_REGISTRATION = "REGISTRATION";
    public static final String FOUND_BY_SCAN = "SCAN";
    static final int CANDIDATES = 20;

    private final JdbcClient jdbc;
    private final Registry registry;
    private final PersonMerges merges;
    private final MatchDecisions decisions;
    private final DuplicateFinder finder;
    private final DuplicateScan scans;
    private final AuditTrail audit;
    private final TimeOrderedIds ids;
    private final Clock clock;
    private final JsonMapper json;

    DuplicateReviews(JdbcClient jdbc, Registry registry, PersonMerges merges, MatchDecisions decisions, DuplicateFinder finder,
            DuplicateScan scans, AuditTrail audit, TimeOrderedIds ids, Clock clock, JsonMapper json) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.merges = merges;
        this.decisions = decisions;
        this.finder = finder;
        this.scans = scans;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
        this.json = json;
    }

    /** Two records side by side: the item, both people as the caller may see them, today's score and reasons, the fields that differ. */
    public record Comparison(DuplicateReview review, PersonView a, PersonView b, double score, List<MatchReason> reasons,
            Set<String> differing) {}

    private static final String SELECT = """
            SELECT r.id, r.person_a, pa.registration_number AS number_a, r.person_b, pb.registration_number AS number_b, r.score,
              r.found_by, r.found_at, r.status, r.decided_by, r.decided_at, r.survivor, r.version
            FROM registration_duplicate_review r
            JOIN registration_person pa ON pa.id = r.person_a
            JOIN registration_person pb ON pb.id = r.person_b
            """;

    /** Open pairs of the caller's jurisdiction whose records are both active, best score first; each person listed is audited. */
    @Transactional
    public ResultPage<DuplicateReview> open(PanaUser caller, int page, int size) {
        requireOfficer(caller);
        if (page < 0 || page > 100_000) throw RuleViolation.onField("page", "Ask for a page from 0.");
        if (size < 1 || size > Registry.MAX_PAGE_SIZE) throw RuleViolation.onField("size", "Ask for 1 to " + Registry.MAX_PAGE_SIZE + " items a page.");
        String openAndActive = " WHERE r.jurisdiction = :j AND r.status = 'OPEN' AND pa.status = 'ACTIVE' AND pb.status = 'ACTIVE'";
        long total = jdbc.sql("""
                SELECT count(*) FROM registration_duplicate_review r
                JOIN registration_person pa ON pa.id = r.person_a JOIN registration_person pb ON pb.id = r.person_b""" + openAndActive)
                .param("j", caller.jurisdiction()).query(Long.class).single();
        List<DuplicateReview> items = jdbc.sql(SELECT + openAndActive + " ORDER BY r.score DESC, r.found_at, r.id LIMIT :limit OFFSET :offset")
                .param("j", caller.jurisdiction()).param("limit", size).param("offset", (long) page * size)
                .query(DuplicateReviews::review).list();
        Set<UUID> listed = new LinkedHashSet<>();
        items.forEach(i -> {
            listed.add(i.personA());
            listed.add(i.personB());
        });
        listed.forEach(id -> audit.record(AuditEntry.success("PERSON_LISTED", "PERSON", id).withDetails("duplicate-review")));
        return new ResultPage<>(items, page, size, total);
    }

    /** One item of the caller's jurisdiction (404 otherwise), without the people. */
    @Transactional(readOnly = true)
    public DuplicateReview item(PanaUser caller, UUID id) {
        requireOfficer(caller);
        return find(caller, id, "DUPLICATE_REVIEW_READ");
    }

    /** The two records side by side; both reads are audited. */
    @Transactional
    public Comparison compare(PanaUser caller, UUID id) {
        requireOfficer(caller);
        DuplicateReview review = find(caller, id, "DUPLICATE_REVIEW_READ");
        PersonView a = registry.find(caller, review.personA());
        PersonView b = registry.find(caller, review.personB());
        MatchScore score = finder.score(profileOf(a), profileOf(b));
        return new Comparison(review, a, b, score.score(), score.reasons(), differing(a, b));
    }

    /**
     * "Same person": merges the other record into {@code survivorId} (one of the pair). {@code expectedVersion}
     * is the item's version the caller decided on (null: the current one).
     */
    @Transactional
    public DuplicateReview samePerson(PanaUser caller, UUID id, UUID survivorId, Long expectedVersion) {
        requireOfficer(caller);
        DuplicateReview review = find(caller, id, "DUPLICATE_REVIEW_DECIDED");
        if (survivorId == null || !(survivorId.equals(review.personA()) || survivorId.equals(review.personB()))) {
            throw RuleViolation.onField("survivorId", "Choose one of the two records of the pair to keep.");
        }
        claim(caller, review, expectedVersion, DuplicateReview.MERGED, survivorId);
        UUID mergedId = review.other(survivorId);
        PersonView survivor = registry.find(caller, survivorId);
        PersonView merged = registry.find(caller, mergedId);
        if (survivor.status() != PersonStatus.ACTIVE || merged.status() != PersonStatus.ACTIVE) {
            throw new StateConflict("record-merged", "One of the records was merged into another record since; this pair cannot be merged.");
        }
        MergeAdditions additions = MergeAdditions.between(survivor, merged);
        merges.merge(caller, survivorId, mergedId, additions::addTo,
                "Merged from " + merged.registrationNumber() + " (duplicate review)");
        jdbc.sql("UPDATE registration_duplicate_review SET merge_additions = :additions WHERE id = :id")
                .param("additions", json.writeValueAsString(additions)).param("id", id).update();
        audit.record(AuditEntry.success("DUPLICATE_REVIEW_DECIDED", "DUPLICATE_REVIEW", id)
                .withDetails("decision=same-person survivor=" + survivorId + " merged=" + mergedId));
        return find(caller, id, "DUPLICATE_REVIEW_DECIDED");
    }

    /** "Not the same person": matching remembers the pair and never proposes it again; the item is closed. */
    @Transactional
    public DuplicateReview notSamePerson(PanaUser caller, UUID id, Long expectedVersion) {
        requireOfficer(caller);
        DuplicateReview review = find(caller, id, "DUPLICATE_REVIEW_DECIDED");
        claim(caller, review, expectedVersion, DuplicateReview.DISTINCT, null);
        decisions.markDistinct(review.personA(), review.personB());
        audit.record(AuditEntry.success("DUPLICATE_REVIEW_DECIDED", "DUPLICATE_REVIEW", id)
                .withDetails("decision=not-same-person a=" + review.personA() + " b=" + review.personB()));
        return find(caller, id, "DUPLICATE_REVIEW_DECIDED");
    }

    /** Undoes the item's merge (see the class comment); the item is open again. */
    @Transactional
    public DuplicateReview undoMerge(PanaUser caller, UUID id, Long expectedVersion) {
        requireOfficer(caller);
        DuplicateReview review = find(caller, id, "DUPLICATE_MERGE_UNDONE");
        if (!DuplicateReview.MERGED.equals(review.status())) {
            throw new StateConflict("not-merged", "This pair was not merged, so there is no merge to undo.");
        }
        MergeAdditions additions = additionsOf(id);
        if (review.survivor() == null || additions == null) {
            throw new StateConflict("not-merged", "This merge cannot be undone: what it added was not recorded.");
        }
        long version = expectedVersion == null ? review.version() : expectedVersion;
        int updated = jdbc.sql("""
                UPDATE registration_duplicate_review SET status = 'OPEN', survivor = NULL, merge_additions = NULL, decided_by = NULL,
                  decided_at = NULL, version = version + 1 WHERE id = :id AND status = 'MERGED' AND version = :version""")
                .param("id", id).param("version", version).update();
        if (updated != 1) throw decidedMeanwhile();
        UUID survivorId = review.survivor();
        UUID mergedId = review.other(survivorId);
        String mergedNumber = survivorId.equals(review.personA()) ? review.registrationNumberB() : review.registrationNumberA();
        merges.undoMerge(caller, survivorId, mergedId, additions::removeFrom, "Merge with " + mergedNumber + " undone (duplicate review)");
        audit.record(AuditEntry.success("DUPLICATE_MERGE_UNDONE", "DUPLICATE_REVIEW", id)
                .withDetails("survivor=" + survivorId + " merged=" + mergedId));
        return find(caller, id, "DUPLICATE_MERGE_UNDONE");
    }

    /**
     * Puts pairs on the queue of the jurisdiction, once per pair: pairs decided "not the same", pairs with a
     * record of another jurisdiction or a merged record are left out. Returns how many were new.
     */
    @Transactional
    public int enqueue(String jurisdiction, List<ProposedPair> pairs, String foundBy) {
        int queued = 0;
        for (ProposedPair pair : pairs) {
            if (pair.personA() == null || pair.personB() == null || pair.personA().equals(pair.personB())) continue;
            UUID a = pair.personA().compareTo(pair.personB()) < 0 ? pair.personA() : pair.personB();
            UUID b = a.equals(pair.personA()) ? pair.personB() : pair.personA();
            if (decisions.decidedDistinct(a, b)) continue;
            long active = jdbc.sql("SELECT count(*) FROM registration_person WHERE id IN (:ids) AND jurisdiction = :j AND status = 'ACTIVE'")
                    .param("ids", List.of(a, b)).param("j", jurisdiction).query(Long.class).single();
            if (active != 2) continue;
            try {
                queued += jdbc.sql("""
                        INSERT INTO registration_duplicate_review (id, jurisdiction, person_a, person_b, score, reasons, status, found_at, found_by)
                        VALUES (:id, :j, :a, :b, :score, :reasons, 'OPEN', :at, :by)
                        ON CONFLICT DO NOTHING""")
                        .param("id", ids.next()).param("j", jurisdiction).param("a", a).param("b", b).param("score", pair.score())
                        .param("reasons", json.writeValueAsString(pair.reasons())).param("at", clock.instant().atOffset(ZoneOffset.UTC))
                        .param("by", foundBy).update();
            } catch (DuplicateKeyException queuedMeanwhile) {
                // H2 only: queued by another node at the same moment (PostgreSQL waits for it and does nothing)
            }
        }
        return queued;
    }

    /** Puts the likely duplicates of a saved person (at or above the auto-flag threshold) on the queue. */
    @Transactional
    public int queueLikelyDuplicates(MatchProfile person, String foundBy) {
        if (person.personId() == null) throw new IllegalArgumentException("Only a saved person has duplicates to review");
        List<ProposedPair> pairs = new ArrayList<>();
        for (Candidate candidate : finder.candidates(person, CANDIDATES)) {
            if (candidate.likelyDuplicate()) pairs.add(new ProposedPair(person.personId(), candidate.personId(), candidate.score(), candidate.reasons()));
        }
        return enqueue(person.jurisdiction(), pairs, foundBy);
    }

    /** Puts every pair of a finished duplicate scan of the caller's jurisdiction on the queue; returns how many were new. */
    @Transactional
    public int enqueueScan(PanaUser caller, UUID scanId) {
        requireOfficer(caller);
        DuplicateScan.Progress progress = scans.progress(scanId, caller.jurisdiction()).orElseThrow(() -> new NotFound("Scan"));
        if (!"COMPLETED".equals(progress.status())) {
            throw new StateConflict("scan-not-finished", "The scan has not finished yet.");
        }
        int queued = 0;
        for (int page = 0; ; page++) {
            List<DuplicateScan.Cluster> clusters = scans.clusters(scanId, page, 100);
            if (clusters.isEmpty()) break;
            List<ProposedPair> pairs = new ArrayList<>();
            for (DuplicateScan.Cluster cluster : clusters) {
                for (DuplicateScan.Pair p : cluster.pairs()) {
                    pairs.add(new ProposedPair(p.personA(), p.personB(), p.score(), p.reasons().stream().map(code -> new MatchReason(code, List.of())).toList()));
                }
            }
            queued += enqueue(caller.jurisdiction(), pairs, FOUND_BY_SCAN);
        }
        audit.record(AuditEntry.success("DUPLICATE_SCAN_QUEUED", "MATCHING_SCAN", scanId).withDetails("queued=" + queued));
        return queued;
    }

    /** What matching needs to know of a person as the caller sees them. */
    public static MatchProfile profileOf(PersonView person) {
        return new MatchProfile(person.id(), person.jurisdiction(),
                person.names().stream().map(n -> new MatchName(n.given(), n.family(), n.patronymic(), n.script())).toList(),
                person.sex() == null ? null : person.sex().name(), person.birthDate(),
                person.birthDatePrecision() == null ? null : person.birthDatePrecision().name(), person.nationalities(),
                person.documents().stream().map(PersonDetails.Document::number).toList());
    }

    /** What matching needs to know of a person saved with these details. */
    public static MatchProfile profileOf(UUID personId, String jurisdiction, PersonDetails person) {
        return new MatchProfile(personId, jurisdiction,
                person.names().stream().map(n -> new MatchName(n.given(), n.family(), n.patronymic(), n.script())).toList(),
                person.sex(), person.birthDate() == null ? null : LocalDate.parse(person.birthDate()), person.birthDatePrecision(),
                person.nationalities(), person.documents().stream().map(PersonDetails.Document::number).toList());
    }

    private void claim(PanaUser caller, DuplicateReview review, Long expectedVersion, String status, UUID survivor) {
        if (!review.open()) throw new StateConflict("already-decided", "This pair was already decided.");
        long version = expectedVersion == null ? review.version() : expectedVersion;
        int updated = jdbc.sql("""
                UPDATE registration_duplicate_review SET status = :status, survivor = :survivor, decided_by = :by, decided_at = :at,
                  version = version + 1 WHERE id = :id AND status = 'OPEN' AND version = :version""")
                .param("status", status).param("survivor", survivor).param("by", caller.userId())
                .param("at", clock.instant().atOffset(ZoneOffset.UTC)).param("id", review.id()).param("version", version).update();
        if (updated != 1) throw decidedMeanwhile();
    }

    private static StateConflict decidedMeanwhile() {
        return new StateConflict("decided-meanwhile", "Someone else decided this pair meanwhile. Open it again to see the decision.");
    }

    private MergeAdditions additionsOf(UUID id) {
        String stored = jdbc.sql("SELECT merge_additions FROM registration_duplicate_review WHERE id = :id").param("id", id)
                .query(String.class).optional().orElse(null);
        return stored == null ? null : json.readValue(stored, MergeAdditions.class);
    }

    private DuplicateReview find(PanaUser caller, UUID id, String action) {
        return jdbc.sql(SELECT + " WHERE r.id = :id AND r.jurisdiction = :j").param("id", id).param("j", caller.jurisdiction())
                .query(DuplicateReviews::review).optional()
                .orElseThrow(() -> {
                    audit.recordSeparately(AuditEntry.denied(action, "DUPLICATE_REVIEW", id));
                    return new NotFound("Duplicate review");
                });
    }

    private static void requireOfficer(PanaUser caller) {
        if (!caller.has(Role.REGISTRATION_OFFICER)) throw new AccessDeniedException("Only registration officers review duplicates");
    }

    /** Fields whose values differ between the two records as the caller sees them. */
    static Set<String> differing(PersonView a, PersonView b) {
        Set<String> fields = new LinkedHashSet<>();
        if (!sameNames(a.names(), b.names())) fields.add("names");
        if (!Objects.equals(a.sex(), b.sex())) fields.add("sex");
        if (!Objects.equals(a.birthDate(), b.birthDate())) fields.add("birthDate");
        if (!Objects.equals(a.birthDatePrecision(), b.birthDatePrecision())) fields.add("birthDatePrecision");
        if (!Objects.equals(a.placeOfBirth(), b.placeOfBirth())) fields.add("placeOfBirth");
        if (!Set.copyOf(a.nationalities()).equals(Set.copyOf(b.nationalities()))) fields.add("nationalities");
        if (!Set.copyOf(a.languages()).equals(Set.copyOf(b.languages()))) fields.add("languages");
        if (!sameDocuments(a.documents(), b.documents())) fields.add("documents");
        if (!Set.copyOf(a.specificNeeds()).equals(Set.copyOf(b.specificNeeds()))) fields.add("specificNeeds");
        if (!Objects.equals(a.createdAt(), b.createdAt())) fields.add("createdAt");
        return fields;
    }

    private static boolean sameNames(List<PersonDetails.Name> a, List<PersonDetails.Name> b) {
        return a.size() == b.size() && a.stream().allMatch(n -> b.stream().anyMatch(m -> MergeAdditions.sameName(n, m)));
    }

    private static boolean sameDocuments(List<PersonDetails.Document> a, List<PersonDetails.Document> b) {
        return a.size() == b.size() && a.stream().allMatch(d -> b.stream().anyMatch(e -> MergeAdditions.sameDocument(d, e)));
    }

    private static DuplicateReview review(ResultSet rs, int row) throws SQLException {
        OffsetDateTime decidedAt = rs.getObject("decided_at", OffsetDateTime.class);
        return new DuplicateReview(rs.getObject("id", UUID.class), rs.getObject("person_a", UUID.class), rs.getString("number_a"),
                rs.getObject("person_b", UUID.class), rs.getString("number_b"), rs.getDouble("score"), rs.getString("found_by"),
                rs.getObject("found_at", OffsetDateTime.class).toInstant(), rs.getString("status"), rs.getObject("decided_by", UUID.class),
                decidedAt == null ? null : decidedAt.toInstant(), rs.getObject("survivor", UUID.class), rs.getLong("version"));
    }
}
