package org.pana.platform;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Generates time-ordered UUIDs (RFC 9562 version 7): 48 bits of Unix milliseconds, then random bits.
 * Ids made later sort after ids made earlier, which keeps B-tree indexes compact. Within one
 * millisecond the random part is incremented, so ids from one node are strictly increasing.
 */
public class TimeOrderedIds {

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private long lastMillis = -1;
    private long lastRandA;
    private long lastRandB;

    public TimeOrderedIds(Clock clock) {
        this.clock = clock;
    }

    public synchronized UUID next() {
        long millis = clock.millis();
        if (millis > lastMillis) {
            lastMillis = millis;
            lastRandA = random.nextInt(1 << 12);
            lastRandB = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL;
        } else {
            lastRandB++;
            if (lastRandB > 0x3FFF_FFFF_FFFF_FFFFL) {
                lastRandB = 0;
                lastRandA++;
                if (lastRandA >= (1 << 12)) {
                    lastMillis++;
                    lastRandA = 0;
                }
            }
        }
        long msb = (lastMillis << 16) | 0x7000L | lastRandA;
        long lsb = 0x8000_0000_0000_0000L | lastRandB;
        return new UUID(msb, lsb);
    }
}
