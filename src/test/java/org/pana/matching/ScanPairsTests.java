package org.pana.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScanPairsTests {

    @ParameterizedTest
    @ValueSource(longs = {1, 7, 42})
    void holdsWhatAMapWouldHoldKeepingTheFirstValueOfAPair(long seed) {
        Random random = new Random(seed);
        ScanPairs pairs = new ScanPairs();
        Map<Long, Long> expected = new HashMap<>();
        for (int i = 0; i < 200_000; i++) {
            int a = random.nextInt(60_000), b = random.nextInt(60_000);
            if (a == b) continue;
            long pair = ScanPairs.pair(a, b);
            long value = ScanPairs.value(random.nextFloat(), random.nextInt(50));
            pairs.putIfAbsent(pair, value);
            expected.putIfAbsent(pair, value);
            if (i % 1000 == 0) assertThat(pairs.contains(ScanPairs.pair(b, a))).isTrue();
        }
        assertThat(pairs.size()).isEqualTo(expected.size());
        Map<Long, Long> held = new HashMap<>();
        pairs.forEach(held::put);
        assertThat(held).isEqualTo(expected);
        assertThat(pairs.contains(ScanPairs.pair(60_001, 60_002))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 999_999, Integer.MAX_VALUE})
    void packsTwoPersonNumbersAndAScoreWithItsReasonsWithoutLoss(int number) {
        long pair = ScanPairs.pair(number, 12);
        assertThat(ScanPairs.first(pair)).isEqualTo(Math.min(number, 12));
        assertThat(ScanPairs.second(pair)).isEqualTo(Math.max(number, 12));
        assertThat(pair).isNotNegative();
        long value = ScanPairs.value(0.987f, number);
        assertThat(ScanPairs.score(value)).isEqualTo(0.987f);
        assertThat(ScanPairs.reasons(value)).isEqualTo(number);
    }
}
