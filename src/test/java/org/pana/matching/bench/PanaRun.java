package org.pana.matching.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.pana.matching.Candidate;
import org.pana.matching.MatchName;
import org.pana.matching.MatchProfile;
import org.pana.matching.MatchingEngine;
import org.pana.population.GeneratedDocument;
import org.pana.population.GeneratedPerson;

/**
 * Pana: the in-memory {@link MatchingEngine} (the same keys, candidate selection and scorer as the database
 * path) with its default weights, as seeded for KAZ. Every record is added, then asked for its ten best
 * candidates; a pair is flagged when the engine says {@code likelyDuplicate} (its auto-flag threshold).
 */
final class PanaRun {

    private PanaRun() {}

    static UUID id(int index) {
        return new UUID(0x0190_0000_0000_7000L, 0x8000_0000_0000_0000L | index);
    }

    static int index(UUID id) {
        return (int) (id.getLeastSignificantBits() & 0x7fff_ffffL);
    }

    static MatchProfile profile(GeneratedPerson person) {
        List<MatchName> names = person.names().stream()
                .map(n -> new MatchName(n.given(), n.family(), n.patronymic(), n.script())).toList();
        return new MatchProfile(id(person.index()), "KAZ", names, person.sex(), person.birthDate(),
                person.birthDatePrecision(), person.nationalities(),
                person.documents().stream().map(GeneratedDocument::number).toList());
    }

    static Outcome run(List<GeneratedPerson> records) {
        long started = System.nanoTime();
        MatchingEngine engine = new MatchingEngine();
        List<MatchProfile> profiles = new ArrayList<>(records.size());
        for (GeneratedPerson person : records) {
            MatchProfile profile = profile(person);
            profiles.add(profile);
            engine.add(profile);
        }
        int[][] top10 = new int[records.size()][];
        Set<Long> flagged = ConcurrentHashMap.newKeySet();
        IntStream.range(0, records.size()).parallel().forEach(i -> {
            List<Candidate> candidates = engine.candidates(profiles.get(i), 11);
            int[] top = candidates.stream().mapToInt(c -> index(c.personId())).filter(j -> j != i).limit(10).toArray();
            top10[i] = top;
            for (Candidate c : candidates) {
                int j = index(c.personId());
                if (j != i && c.likelyDuplicate()) {
                    flagged.add(Truth.pair(i, j));
                }
            }
        });
        return new Outcome("Pana", top10, flagged, (System.nanoTime() - started) / 1e9,
                "MatchingEngine, default weights, auto-flag threshold");
    }
}
