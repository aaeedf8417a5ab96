package org.pana.matching;

import java.util.Arrays;

/**
 * The pairs a full scan found, in a few bytes each: a scan of a million people finds millions of pairs, which
 * as objects in a map would not fit the heap Pana runs in. A pair is two person numbers (given by the scan, in
 * the order it first read them) packed in a {@code long}; its value is the score and the number of its reason
 * codes, packed in another. Open addressing with linear probing, in lock stripes so the scorer threads rarely
 * wait for one another.
 */
final class ScanPairs {

    private static final int STRIPES = 64;
    private static final long EMPTY = -1L;

    private final Stripe[] stripes = new Stripe[STRIPES];

    ScanPairs() {
        for (int i = 0; i < STRIPES; i++) stripes[i] = new Stripe();
    }

    static long pair(int a, int b) {
        int low = Math.min(a, b), high = Math.max(a, b);
        return ((long) low << 32) | (high & 0xffffffffL);
    }

    static int first(long pair) {
        return (int) (pair >>> 32);
    }

    static int second(long pair) {
        return (int) pair;
    }

    static long value(float score, int reasons) {
        return ((long) Float.floatToIntBits(score) << 32) | (reasons & 0xffffffffL);
    }

    static float score(long value) {
        return Float.intBitsToFloat((int) (value >>> 32));
    }

    static int reasons(long value) {
        return (int) value;
    }

    boolean contains(long pair) {
        Stripe stripe = stripeOf(pair);
        synchronized (stripe) {
            return stripe.indexOf(pair) >= 0;
        }
    }

    /** Keeps the first value found for a pair. */
    void putIfAbsent(long pair, long value) {
        Stripe stripe = stripeOf(pair);
        synchronized (stripe) {
            stripe.putIfAbsent(pair, value);
        }
    }

    long size() {
        long size = 0;
        for (Stripe stripe : stripes) {
            synchronized (stripe) {
                size += stripe.size;
            }
        }
        return size;
    }

    interface PairConsumer {
        void accept(long pair, long value);
    }

    /** Every pair once; call when no thread adds any more. */
    void forEach(PairConsumer consumer) {
        for (Stripe stripe : stripes) {
            synchronized (stripe) {
                for (int i = 0; i < stripe.keys.length; i++) {
                    if (stripe.keys[i] != EMPTY) consumer.accept(stripe.keys[i], stripe.values[i]);
                }
            }
        }
    }

    private Stripe stripeOf(long pair) {
        return stripes[(int) ((mix(pair) >>> 58) & (STRIPES - 1))];
    }

    private static long mix(long x) { // a 64-bit finaliser (SplitMix64) spreads neighbouring person numbers
        x = (x ^ (x >>> 30)) * 0xbf58476d1ce4e5b9L;
        x = (x ^ (x >>> 27)) * 0x94d049bb133111ebL;
        return x ^ (x >>> 31);
    }

    private static final class Stripe {
        long[] keys = filled(64);
        long[] values = new long[64];
        int size;

        private static long[] filled(int capacity) {
            long[] keys = new long[capacity];
            Arrays.fill(keys, EMPTY);
            return keys;
        }

        int indexOf(long pair) {
            int mask = keys.length - 1;
            for (int i = (int) mix(pair) & mask; ; i = (i + 1) & mask) {
                if (keys[i] == pair) return i;
                if (keys[i] == EMPTY) return -1;
            }
        }

        void putIfAbsent(long pair, long value) {
            if (indexOf(pair) >= 0) return;
            if (2 * (size + 1) > keys.length) grow();
            insert(pair, value);
            size++;
        }

        private void insert(long pair, long value) {
            int mask = keys.length - 1;
            int i = (int) mix(pair) & mask;
            while (keys[i] != EMPTY) i = (i + 1) & mask;
            keys[i] = pair;
            values[i] = value;
        }

        private void grow() {
            long[] oldKeys = keys, oldValues = values;
            keys = filled(oldKeys.length * 2);
            values = new long[oldKeys.length * 2];
            for (int i = 0; i < oldKeys.length; i++) if (oldKeys[i] != EMPTY) insert(oldKeys[i], oldValues[i]);
        }
    }
}
