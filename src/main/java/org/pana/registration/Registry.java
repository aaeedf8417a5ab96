package org.pana.registration;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.pana.access.PanaUser;
import org.pana.audit.AuditEntry;
import org.pana.audit.AuditTrail;
import org.pana.matching.Candidate;
import org.pana.matching.DuplicateFinder;
import org.pana.matching.MatchIndex;
import org.pana.matching.NameSearch;
import org.pana.platform.NotFound;
import org.pana.platform.RuleViolation;
import org.pana.platform.RuleViolation.FieldProblem;
import org.pana.platform.TimeOrderedIds;
import org.pana.platform.Versions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of people: registers them (one by one or in batches), finds, changes and searches them,
 * and proposes duplicate candidates, always as a named caller. Every method applies need-to-know: a
 * person the caller may not see is "not found" (and the attempt is audited as denied), lists hold only
 * people the caller may see, and sensitive field groups are left out for roles that do not need them.
 * Every read and write of a person is audited in the same transaction.
 */
@Service
public class Registry {

    public static final int MAX_BATCH = 1000;
    public static final int MAX_PAGE_SIZE = 100;
    public static final int MAX_CANDIDATES = 50;
    private static final int PARTNER_SEARCH_WINDOW = 1000;

    private final PersonRepository people;
    private final PersonRows rows;
    private final PersonQueries queries;
    private final PersonRules rules;
    private final RegistrationNumbers numbers;
    private final PersonHistory history;
    private final ProtectionReviews reviews;
    private final PersonAccess access;
    private final SpecificNeedCatalogue catalogue;
    private final MatchIndex matchIndex;
    private final DuplicateFinder duplicates;
    private final DuplicateReviewQueue duplicateChecks;
    private final NameSearch nameSearch;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TimeOrderedIds ids;
    private final Clock clock;
    private final ZoneId zone;

    Registry(PersonRepository people, PersonRows rows, PersonQueries queries, PersonRules rules, RegistrationNumbers numbers,
            PersonHistory history, ProtectionReviews reviews, PersonAccess access, SpecificNeedCatalogue catalogue,
            MatchIndex matchIndex, DuplicateFinder duplicates, DuplicateReviewQueue duplicateChecks, NameSearch nameSearch, AuditTrail audit,
            ApplicationEventPublisher events, TimeOrderedIds ids, Clock clock,
            @Value("${pana.registration.time-zone:Asia/Almaty}") ZoneId zone) {
        this.people = people;
        this.rows = rows;
        this.queries = queries;
        this.rules = rules;
        this.numbers = numbers;
        this.history = history;
        this.reviews = reviews;
        this.access = access;
        this.catalogue = catalogue;
        this.matchIndex = matchIndex;
        this.duplicates = duplicates;
        this.duplicateChecks = duplicateChecks;
        this.nameSearch = nameSearch;
        this.audit = audit;
        this.events = events;
        this.ids = ids;
        this.clock = clock;
        this.zone = zone;
    }

    /** The outcome of one item of a batch: registered (id and number) or refused (problems). */
    public record Registration(int index, UUID id, String registrationNumber, List<FieldProblem> problems) {
        public Registration {
            problems = List.copyOf(problems);
        }

        public boolean registered() {
            return id != null;
        }
    }

    /**
     * Registers one person in the caller's jurisdiction, with a new registration number; publishes
     * {@link PersonRegistered}; after the commit, the person's likely duplicates go to the review queue
     * ({@link DuplicateReviewQueue}).
     */
    @Transactional
    public PersonView register(PanaUser caller, PersonDetails details) {
        requireRegistrar(caller);
        return registerChecked(caller, details);
    }

    /**
     * Registers a person a border officer met at a border point (issue 4): border officers record people
     * but do not change records afterwards. Same rules, number, history, audit and duplicate check.
     */
    @Transactional
    public PersonView registerEncountered(PanaUser caller, PersonDetails details) {
        if (!caller.roles().contains(org.pana.access.Role.BORDER_OFFICER)) {
            throw new AccessDeniedException("Only border officers register the people they meet at the border");
        }
        return registerChecked(caller, details);
    }

    private PersonView registerChecked(PanaUser caller, PersonDetails details) {
        PersonFacts facts = rules.check(details, caller.jurisdiction(), today()).orThrow();
        Person person = store(caller, List.of(facts)).get(0);
        duplicateChecks.enqueue(person);
        events.publishEvent(new PersonRegistered(person.id(), person.jurisdiction()));
        return PersonView.of(person, access.seesSensitive(caller), catalogue);
    }

    /**
     * Registers a batch (a legacy import) in one transaction: each valid item is registered, each invalid
     * one is refused with its problems, and the others are saved all the same. No per-item duplicate
     * check runs (a full scan does that); no event is published.
     */
    @Transactional
    public List<Registration> registerAll(PanaUser caller, List<PersonDetails> batch) {
        requireRegistrar(caller);
        if (batch.size() > MAX_BATCH) {
            throw new RuleViolation("batch-too-large", "Send at most " + MAX_BATCH + " people in one batch.");
        }
        LocalDate today = today();
        List<PersonRules.Checked> checked = batch.stream().map(d -> rules.check(d, caller.jurisdiction(), today)).toList();
        List<Person> stored = store(caller, checked.stream().filter(PersonRules.Checked::valid).map(PersonRules.Checked::facts).toList());
        List<Registration> outcomes = new ArrayList<>(batch.size());
        int next = 0;
        for (int i = 0; i < checked.size(); i++) {
            if (checked.get(i).valid()) {
                Person person = stored.get(next++);
                outcomes.add(new Registration(i, person.id(), person.registrationNumber(), List.of()));
            } else {
                outcomes.add(new Registration(i, null, null, checked.get(i).problems()));
            }
        }
        return outcomes;
    }

    /**
     * Checks people exactly as {@link #registerAll} would, and saves nothing (an import's dry run): for
     * each, the problems found, empty when the person would be registered.
     */
    @Transactional(readOnly = true)
    public List<List<FieldProblem>> checkAll(PanaUser caller, List<PersonDetails> batch) {
        requireRegistrar(caller);
        LocalDate today = today();
        return batch.stream().map(d -> rules.check(d, caller.jurisdiction(), today).problems()).toList();
    }

    /** The person as the caller may see them; audited. */
    @Transactional
    public PersonView find(PanaUser caller, UUID personId) {
        Person person = visiblePerson(caller, personId, "PERSON_READ");
        audit.record(AuditEntry.success("PERSON_READ", "PERSON", personId));
        return PersonView.of(person, access.seesSensitive(caller), catalogue);
    }

    /** Whether the caller may see the person (not audited: use it to decide what to show, not to show it). */
    @Transactional(readOnly = true)
    public boolean isVisible(PanaUser caller, UUID personId) {
        return personId != null && queries.jurisdictionOf(personId).map(j -> access.sees(caller, personId, j)).orElse(false);
    }

    /**
     * For the records that hang on a person (photos, households): "not found" unless the person exists and
     * the caller may see them, the attempt audited as denied, as for the person itself.
     */
    public void requireVisible(PanaUser caller, UUID personId, String action) {
        if (!isVisible(caller, personId)) throw notFound(personId, action);
    }

    /**
     * Changes a person. {@code change} gets the person as the caller may see them and returns the person
     * as they should be; fields the caller may not see are kept as they were. {@code expectedVersion} is
     * the version the caller saw (412 if it is no longer current), and {@code reason} says why (required:
     * every change after registration is explained in the history).
     */
    @Transactional
    public PersonView update(PanaUser caller, UUID personId, long expectedVersion, UnaryOperator<PersonDetails> change,
            String reason) {
        Person person = visiblePerson(caller, personId, "PERSON_UPDATED");
        requireRegistrar(caller);
        Versions.require(expectedVersion, person.versionOrZero());
        List<FieldProblem> problems = new ArrayList<>();
        String why = PersonRules.text(reason, "reason", 1000, problems);
        if (why == null && problems.isEmpty()) problems.add(new FieldProblem("reason", "Say why you change this person's record."));
        if (!problems.isEmpty()) throw new RuleViolation("validation", "The change has invalid fields.", problems);
        boolean seesSensitive = access.seesSensitive(caller);
        PersonDetails current = person.facts().details(person.jurisdiction());
        PersonDetails wanted = change.apply(seesSensitive ? current : withoutSensitive(current));
        if (!seesSensitive) wanted = withSensitiveOf(wanted, current);
        PersonFacts facts = rules.check(wanted, person.jurisdiction(), today()).orThrow();
        List<HistoryEntry.FieldChange> changes = history.changes(current, facts.details(person.jurisdiction()));
        if (changes.isEmpty()) {
            audit.record(AuditEntry.success("PERSON_READ", "PERSON", personId));
            return PersonView.of(person, seesSensitive, catalogue);
        }
        Instant now = clock.instant();
        Person saved;
        try {
            saved = people.save(person.revise(facts, now));
        } catch (RuntimeException e) {
            if (isOptimisticLockFailure(e)) throw new Versions.PreconditionFailed();
            throw e;
        }
        history.record(caller, List.of(new PersonHistory.Change(personId, now, PersonHistory.UPDATED, why, changes)));
        Set<String> before = new HashSet<>(person.facts().specificNeeds());
        reviews.flag(facts.specificNeeds().stream().filter(code -> !before.contains(code))
                .map(code -> new ProtectionReviews.Flag(personId, person.jurisdiction(), code)).toList(), caller.userId(), now);
        matchIndex.index(saved.matchProfile());
        audit.record(AuditEntry.success("PERSON_UPDATED", "PERSON", personId)
                .withDetails("fields=" + changes.stream().map(HistoryEntry.FieldChange::field).collect(Collectors.joining(","))));
        return PersonView.of(saved, seesSensitive, catalogue);
    }

    /** The person's history, newest first; audited. */
    @Transactional
    public ResultPage<HistoryEntry> history(PanaUser caller, UUID personId, int page, int size) {
        requirePage(page, size);
        requireVisible(caller, personId, "PERSON_HISTORY_READ");
        audit.record(AuditEntry.success("PERSON_HISTORY_READ", "PERSON", personId));
        return history.page(personId, page, size, access.seesSensitive(caller));
    }

    /**
     * Finds people by registration number (exact), document number (exact, ignoring case, spaces and
     * punctuation) or name (in any script, through matching). Only people the caller may see are counted
     * or returned; every person shown is audited (one event each, so a person's "who read my record"
     * answer comes straight from the trail).
     */
    @Transactional
    public ResultPage<PersonSummary> search(PanaUser caller, String query, int page, int size) {
        requirePage(page, size);
        List<FieldProblem> problems = new ArrayList<>();
        String text = PersonRules.text(query, "query", PersonRules.MAX_TEXT, problems);
        if (text == null && problems.isEmpty()) problems.add(new FieldProblem("query", "Enter a name, a registration number or a document number."));
        if (!problems.isEmpty()) throw new RuleViolation("validation", "The search has invalid fields.", problems);
        boolean staff = access.seesJurisdiction(caller);
        if (!staff && !access.grantsExist()) return new ResultPage<>(List.of(), page, size, 0);
        String jurisdiction = caller.jurisdiction();
        List<UUID> exact = exactMatches(jurisdiction, text);
        List<UUID> shown;
        long total;
        if (exact != null) {
            List<UUID> visible = keepVisible(caller, exact);
            total = visible.size();
            shown = slice(visible, page, size);
        } else if (staff) {
            NameSearch.Hits hits = nameSearch.find(jurisdiction, text, page * size, size);
            shown = hits.personIds();
            total = hits.total();
        } else {
            List<UUID> visible = keepVisible(caller, nameSearch.find(jurisdiction, text, 0, PARTNER_SEARCH_WINDOW).personIds());
            total = visible.size();
            shown = slice(visible, page, size);
        }
        List<PersonSummary> items = queries.summaries(jurisdiction, shown);
        for (PersonSummary item : items) audit.record(AuditEntry.success("PERSON_LISTED", "PERSON", item.id()).withDetails("search"));
        return new ResultPage<>(items, page, size, total);
    }

    /**
     * The registered people who may be the person described (nothing is saved), best first, at most
     * {@code limit}, only people the caller may see; each person shown is audited.
     */
    @Transactional
    public List<DuplicateCandidate> duplicateCandidates(PanaUser caller, PersonDetails details, int limit) {
        if (limit < 1 || limit > MAX_CANDIDATES) throw RuleViolation.onField("limit", "Ask for 1 to " + MAX_CANDIDATES + " candidates.");
        PersonFacts facts = rules.check(details, caller.jurisdiction(), today()).orThrow();
        if (!access.seesJurisdiction(caller) && !access.grantsExist()) return List.of();
        List<Candidate> found = duplicates.candidates(facts.matchProfile(null, caller.jurisdiction()), limit);
        Map<UUID, String> numbersOf = queries.registrationNumbers(caller.jurisdiction(), found.stream().map(Candidate::personId).toList());
        Set<UUID> visible = access.visibleAmong(caller, numbersOf.keySet());
        List<DuplicateCandidate> candidates = found.stream().filter(c -> visible.contains(c.personId()))
                .sorted(Comparator.comparingDouble(Candidate::score).reversed()).limit(limit)
                .map(c -> new DuplicateCandidate(c.personId(), numbersOf.get(c.personId()), c.score(), c.likelyDuplicate(), c.reasons()))
                .toList();
        for (DuplicateCandidate candidate : candidates) {
            audit.record(AuditEntry.success("PERSON_LISTED", "PERSON", candidate.personId()).withDetails("duplicate-candidates"));
        }
        return candidates;
    }

    /**
     * The people among these the caller may see, as in a list (for pages that show who a duplicate
     * candidate is), in the order asked; each person shown is audited as listed.
     */
    @Transactional
    public List<PersonSummary> summaries(PanaUser caller, List<UUID> personIds) {
        if (personIds.isEmpty()) return List.of();
        if (personIds.size() > MAX_PAGE_SIZE) throw RuleViolation.onField("personIds", "Ask for at most " + MAX_PAGE_SIZE + " people.");
        Set<UUID> visible = access.visibleAmong(caller, personIds);
        List<PersonSummary> found = queries.summaries(caller.jurisdiction(), personIds.stream().filter(visible::contains).toList());
        Map<UUID, PersonSummary> byId = found.stream().collect(Collectors.toMap(PersonSummary::id, s -> s));
        List<PersonSummary> ordered = personIds.stream().distinct().map(byId::get).filter(java.util.Objects::nonNull).toList();
        for (PersonSummary summary : ordered) audit.record(AuditEntry.success("PERSON_LISTED", "PERSON", summary.id()).withDetails("summaries"));
        return ordered;
    }

    private List<Person> store(PanaUser caller, List<PersonFacts> facts) {
        if (facts.isEmpty()) return List.of();
        Instant now = clock.instant();
        String jurisdiction = caller.jurisdiction();
        List<RegistrationNumber> assigned = numbers.next(jurisdiction, facts.size());
        List<Person> registered = new ArrayList<>(facts.size());
        List<PersonHistory.Change> changes = new ArrayList<>(facts.size());
        List<ProtectionReviews.Flag> flags = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            PersonFacts f = facts.get(i);
            Person person = Person.register(ids.next(), jurisdiction, assigned.get(i).value(), f, caller.userId(), caller.organisationId(), now);
            registered.add(person);
            changes.add(new PersonHistory.Change(person.id(), now, PersonHistory.REGISTERED, null, history.fieldsOf(f.details(jurisdiction))));
            f.specificNeeds().forEach(code -> flags.add(new ProtectionReviews.Flag(person.id(), jurisdiction, code)));
        }
        rows.insert(registered);
        history.record(caller, changes);
        reviews.flag(flags, caller.userId(), now);
        matchIndex.indexAll(registered.stream().map(Person::matchProfile).toList());
        for (Person person : registered) {
            audit.record(AuditEntry.success("PERSON_REGISTERED", "PERSON", person.id()));
        }
        return registered.stream().map(p -> p.withVersion(0L)).toList();
    }

    private List<UUID> exactMatches(String jurisdiction, String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        if (RegistrationNumber.looksLikeOne(upper)) {
            return queries.byRegistrationNumber(jurisdiction, upper).map(List::of).orElse(List.of());
        }
        String key = HeldDocument.keyOf(text);
        if (key.length() >= 4 && key.chars().anyMatch(Character::isDigit)) {
            List<UUID> holders = queries.byDocumentNumber(jurisdiction, key);
            if (!holders.isEmpty()) return holders;
        }
        return null;
    }

    private List<UUID> keepVisible(PanaUser caller, List<UUID> candidates) {
        Set<UUID> visible = access.visibleAmong(caller, candidates);
        return candidates.stream().filter(visible::contains).toList();
    }

    private static List<UUID> slice(List<UUID> all, int page, int size) {
        long from = (long) page * size;
        if (from >= all.size()) return List.of();
        return all.subList((int) from, (int) Math.min(all.size(), from + size));
    }

    private Person visiblePerson(PanaUser caller, UUID personId, String action) {
        Optional<Person> person = people.findById(personId);
        if (person.isEmpty() || !access.sees(caller, personId, person.get().jurisdiction())) {
            throw notFound(personId, action);
        }
        return person.get();
    }

    /** The same answer for a person that does not exist and one the caller may not see; the attempt is audited either way. */
    private NotFound notFound(UUID personId, String action) {
        audit.recordSeparately(AuditEntry.denied(action, "PERSON", personId));
        return new NotFound("Person");
    }

    private void requireRegistrar(PanaUser caller) {
        if (!access.mayRegister(caller)) throw new AccessDeniedException("Only registration officers register and change people");
    }

    private static void requirePage(int page, int size) {
        List<FieldProblem> problems = new ArrayList<>();
        if (page < 0 || page > 100_000) problems.add(new FieldProblem("page", "Ask for a page from 0."));
        if (size < 1 || size > MAX_PAGE_SIZE) problems.add(new FieldProblem("size", "Ask for 1 to " + MAX_PAGE_SIZE + " items a page."));
        if (!problems.isEmpty()) throw new RuleViolation("validation", "The paging is invalid.", problems);
    }

    private PersonDetails withoutSensitive(PersonDetails details) {
        return details.withSensitive(null, null)
                .withSpecificNeeds(details.specificNeeds().stream().filter(c -> !catalogue.isSensitive(c)).toList());
    }

    private PersonDetails withSensitiveOf(PersonDetails wanted, PersonDetails current) {
        List<String> needs = new ArrayList<>(wanted.specificNeeds().stream().filter(c -> !catalogue.isSensitive(c)).toList());
        current.specificNeeds().stream().filter(catalogue::isSensitive).forEach(needs::add);
        return wanted.withSensitive(current.ethnicity(), current.religion()).withSpecificNeeds(needs);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    private static boolean isOptimisticLockFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockingFailureException) return true;
        }
        return false;
    }
}
