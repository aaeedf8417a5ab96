package org.pana.registration.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.pana.access.DemoMode;
import org.pana.access.DemoUsers;
import org.pana.access.PanaUser;
import org.pana.population.GeneratedPerson;
import org.pana.population.PopulationGenerator;
import org.pana.registration.PersonDetails;
import org.pana.registration.Registry;
import org.pana.registration.household.Households;
import org.pana.registration.household.Relationship;
import org.pana.registration.review.DuplicateReviews;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With {@code --demo}, registers {@value #PEOPLE} fictional people (about 20 households) from the generated
 * population, as the demo user {@code registration.officer}, with the controlled duplicates the generator
 * plants, and puts the likely duplicates on the review queue so it has work.
 *
 * <p>Runs once the application has started, after the access module seeded the demo users (they are seeded
 * before the context finishes refreshing; runners run after it). It adds nothing to a registry that holds any
 * person of the jurisdiction, so a second start adds nothing and real people are never mixed with demo ones
 * (access already refuses {@code --demo} on a database with real users). Everyone seeded has the occupation
 * {@value #FICTIONAL}, and the generated address says "(fictional)". {@code pana.demo.people=false} turns the
 * seeding off (the test suite does, so test counts do not depend on it).
 */
@Component
@Order(100)
class DemoPeople implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPeople.class);

    static final int PEOPLE = 60;
    static final long SEED = 20_260_127L;
    static final String FICTIONAL = "Fictional demo person";
    static final String REGISTRAR = "registration.officer";

    private final DemoMode demoMode;
    private final DemoUsers demoUsers;
    private final Registry registry;
    private final DuplicateReviews reviews;
    private final Households householdRegister;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final boolean enabled;
    private final boolean commandLine;
    private final String jurisdiction;

    DemoPeople(DemoMode demoMode, DemoUsers demoUsers, Registry registry, DuplicateReviews reviews, Households householdRegister, JdbcClient jdbc,
            PlatformTransactionManager transactions, @Value("${pana.demo.people:true}") boolean enabled,
            @Value("${pana.command-line:false}") boolean commandLine, @Value("${pana.jurisdiction.default:KAZ}") String jurisdiction) {
        this.demoMode = demoMode;
        this.demoUsers = demoUsers;
        this.registry = registry;
        this.reviews = reviews;
        this.householdRegister = householdRegister;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.enabled = enabled;
        this.commandLine = commandLine;
        this.jurisdiction = jurisdiction;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (!demoMode.requested() || !enabled || commandLine) return;
        seed();
    }

    /** Seeds the demo people unless the registry holds people already; returns how many were registered. */
    int seed() {
        PanaUser registrar = demoUsers.find(REGISTRAR).orElse(null);
        if (registrar == null || !registrar.jurisdiction().equals(jurisdiction)) {
            log.warn("Demo people not seeded: no active demo user {} in {}.", REGISTRAR, jurisdiction);
            return 0;
        }
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext acting = SecurityContextHolder.createEmptyContext();
        acting.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(registrar, null, registrar.getAuthorities()));
        SecurityContextHolder.setContext(acting);
        try {
            Integer seeded = transaction.execute(status -> seedAs(registrar));
            return seeded == null ? 0 : seeded;
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private int seedAs(PanaUser registrar) {
        long existing = jdbc.sql("SELECT count(*) FROM registration_person WHERE jurisdiction = :j").param("j", jurisdiction)
                .query(Long.class).single();
        if (existing > 0) return 0;
        List<GeneratedPerson> generated = new PopulationGenerator(SEED).people(PEOPLE).toList();
        List<PersonDetails> people = generated.stream().map(this::details).toList();
        List<Registry.Registration> registered = registry.registerAll(registrar, people);
        List<String> refused = new ArrayList<>();
        int queued = 0;
        for (Registry.Registration registration : registered) {
            if (!registration.registered()) {
                refused.add(registration.index() + ": " + registration.problems().stream().map(p -> p.field()).collect(Collectors.joining(",")));
                continue;
            }
            queued += reviews.queueLikelyDuplicates(
                    DuplicateReviews.profileOf(registration.id(), jurisdiction, people.get(registration.index())),
                    DuplicateReviews.FOUND_BY_REGISTRATION);
        }
        long count = registered.stream().filter(Registry.Registration::registered).count();
        long households = registerHouseholds(registrar, generated, registered);
        long duplicates = generated.stream().filter(GeneratedPerson::duplicate).count();
        log.warn("DEMO MODE: registered {} fictional people ({} households, {} planted duplicates); {} pairs on the duplicate review queue.",
                count, households, duplicates, queued);
        if (!refused.isEmpty()) log.warn("Demo people refused (index: fields): {}", refused);
        return (int) count;
    }

    /**
     * Groups each generated family's original records (not the planted second records) into a household
     * under its focal point, with the relationships the generator knows.
     */
    private long registerHouseholds(PanaUser registrar, List<GeneratedPerson> generated, List<Registry.Registration> registered) {
        java.util.Map<String, UUID> focalPoints = new java.util.HashMap<>();
        java.util.Map<String, List<Households.NewMember>> members = new java.util.LinkedHashMap<>();
        for (Registry.Registration registration : registered) {
            GeneratedPerson person = generated.get(registration.index());
            if (!registration.registered() || person.duplicate()) continue;
            Relationship relationship = relationship(person);
            if (relationship == Relationship.FOCAL_POINT) {
                focalPoints.put(person.family(), registration.id());
            } else if (relationship != null) {
                members.computeIfAbsent(person.family(), f -> new ArrayList<>())
                        .add(new Households.NewMember(registration.id(), relationship, null));
            }
        }
        long created = 0;
        for (var focal : focalPoints.entrySet()) {
            householdRegister.register(registrar, new Households.NewHousehold(focal.getValue(), null,
                    members.getOrDefault(focal.getKey(), List.of())));
            created++;
        }
        return created;
    }

    private static Relationship relationship(GeneratedPerson person) {
        boolean male = "MALE".equals(person.sex());
        return switch (person.relation() == null ? "" : person.relation()) {
            case "FOCAL_POINT" -> Relationship.FOCAL_POINT;
            case "SPOUSE" -> Relationship.SPOUSE;
            case "CHILD" -> male ? Relationship.SON : Relationship.DAUGHTER;
            case "PARENT" -> male ? Relationship.FATHER : Relationship.MOTHER;
            case "SIBLING" -> male ? Relationship.BROTHER : Relationship.SISTER;
            default -> null;
        };
    }

    /** The generated person as a registration officer would enter them, marked as fictional. */
    PersonDetails details(GeneratedPerson person) {
        return new PersonDetails(jurisdiction,
                person.names().stream().map(n -> new PersonDetails.Name(n.given(), n.family(), n.patronymic(), n.script(), n.kind())).toList(),
                person.sex(), person.birthDate() == null ? null : person.birthDate().toString(), person.birthDatePrecision(), null,
                person.nationalities(), person.languages(), null, null, FICTIONAL, null,
                person.address() == null ? null : new PersonDetails.Address(null, null, person.address()),
                person.documents().stream().map(d -> new PersonDetails.Document(d.type(), d.number(), d.issuingCountry(), null,
                        d.expiresOn() == null ? null : d.expiresOn().toString())).toList(),
                List.of(), null, null);
    }
}
