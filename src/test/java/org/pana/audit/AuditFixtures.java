package org.pana.audit;

import java.util.List;
import java.util.Random;
import java.util.UUID;

/** Actors and entries for audit tests: varied, with nulls, several scripts, and ids only. */
final class AuditFixtures {

    private static final List<String> ACTIONS = List.of("PERSON_READ", "PERSON_UPDATED", "SIGN_IN", "CASE_DECIDED", "REFERRAL_CREATED");
    private static final List<String> USERNAMES = List.of("officer1", "aigerim.s", "марат", "border-7", "eligibility_2");
    private static final List<String> ORGANISATIONS = List.of("Border Service", "Миграционная служба", "Көші-қон қызметі", "UNHCR");

    private AuditFixtures() {}

    static AuditActor anActor(String username) {
        return new AuditActor(UUID.randomUUID(), username, UUID.randomUUID(), "Border Service", "10.0.0.7");
    }

    static AuditEntry aPersonRead(String subjectId) {
        return AuditEntry.success("PERSON_READ", "PERSON", subjectId).withPurpose("case review");
    }

    static AuditActor aRandomActor(Random random) {
        if (random.nextInt(5) == 0) {
            return AuditActor.anonymous(pick(random, USERNAMES), random.nextBoolean() ? "192.0.2." + random.nextInt(255) : null);
        }
        return new AuditActor(uuid(random), pick(random, USERNAMES), uuid(random), pick(random, ORGANISATIONS),
                "10.1." + random.nextInt(255) + "." + random.nextInt(255));
    }

    static AuditEntry aRandomEntry(Random random) {
        AuditOutcome outcome = AuditOutcome.values()[random.nextInt(AuditOutcome.values().length)];
        String subjectType = random.nextInt(4) == 0 ? null : "PERSON";
        String subjectId = subjectType == null ? null : uuid(random).toString();
        String purpose = random.nextBoolean() ? "eligibility assessment" : null;
        String details = random.nextInt(3) == 0 ? "fields=names,documents" : null;
        return new AuditEntry(pick(random, ACTIONS), subjectType, subjectId, outcome, purpose, details);
    }

    static UUID uuid(Random random) {
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L, (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L);
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
