package org.pana.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pana.platform.TimeOrderedIds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The scan on a block larger than it compares pair by pair (a common given name in one birth year). */
@SpringBootTest
class DuplicateScanTests {

    private static final String JURISDICTION = "TKM";

    @Autowired MatchIndex index;
    @Autowired DuplicateScan scan;
    @Autowired TimeOrderedIds ids;

    /** Made-up family names, any two differing in at least three of their five consonants: not one person's. */
    static List<String> familyNamesFarApart(int count) {
        char[] consonants = {'l', 'm', 'n', 'r', 't', 'k'};
        List<String> skeletons = new ArrayList<>();
        for (int code = 0; code < 7776 && skeletons.size() < count; code++) {
            StringBuilder s = new StringBuilder();
            for (int i = 0, c = code; i < 5; i++, c /= 6) s.append(consonants[c % 6]);
            if (skeletons.stream().allMatch(other -> differences(other, s.toString()) >= 3)) skeletons.add(s.toString());
        }
        assertThat(skeletons).hasSize(count);
        return skeletons.stream().map(k -> Character.toUpperCase(k.charAt(0)) + "a" + k.charAt(1) + "o" + k.charAt(2) + "i" + k.charAt(3)
                + "a" + k.charAt(4) + "i").toList();
    }

    private static int differences(String a, String b) {
        int d = 0;
        for (int i = 0; i < a.length(); i++) if (a.charAt(i) != b.charAt(i)) d++;
        return d;
    }

    @Test
    void findsTheDuplicateInACommonNamesBlockAndPairsNobodyElse() {
        List<String> families = familyNamesFarApart(DuplicateScan.FULL_BLOCK + 20);
        List<UUID> others = new ArrayList<>();
        for (int i = 0; i < families.size(); i++) {
            String family = families.get(i);
            UUID id = ids.next();
            others.add(id);
            index.index(new MatchProfile(id, JURISDICTION, List.of(new MatchName("Ahmad", family, null, "Latn")), "M",
                    LocalDate.of(1990, 1 + i % 12, 1 + i % 28), "DAY", List.of("AFG"), List.of()));
        }
        UUID first = ids.next(), second = ids.next();
        index.index(new MatchProfile(first, JURISDICTION, List.of(new MatchName("Ahmad", "Rahimi", null, "Latn")), "M",
                LocalDate.of(1990, 6, 15), "DAY", List.of("AFG"), List.of()));
        index.index(new MatchProfile(second, JURISDICTION, List.of(new MatchName("Ахмад", "Рахими", null, "Cyrl")), "M",
                LocalDate.of(1990, 1, 1), "YEAR", List.of("AFG"), List.of()));

        UUID run = scan.start(JURISDICTION, null);
        await().atMost(Duration.ofSeconds(60)).until(() -> !"RUNNING".equals(scan.progress(run, JURISDICTION).orElseThrow().status()));
        assertThat(scan.progress(run, JURISDICTION).orElseThrow().status()).isEqualTo("COMPLETED");
        List<DuplicateScan.Cluster> clusters = scan.clusters(run, 0, 100);
        assertThat(clusters).anySatisfy(c -> assertThat(c.personIds()).containsExactlyInAnyOrder(first, second));
        assertThat(clusters).allSatisfy(c -> assertThat(c.personIds()).doesNotContainAnyElementsOf(others));
    }
}
