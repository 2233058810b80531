package dev.policywatch.engine.align;

import java.util.Arrays;

/**
 * A small open-addressing map from long keys to int counts (no boxing on the hot path) that counts
 * each key at most once per text: the document frequency of TF-IDF features in one probe per token.
 */
final class LongIntMap {

    private static final long EMPTY = Long.MIN_VALUE;
    private long[] keys;
    private int[] values;
    /** The last text that counted each key. */
    private int[] stamps;
    private int size;

    LongIntMap(int capacity) {
        int cap = Integer.highestOneBit(Math.max(16, capacity) * 2 - 1);
        keys = new long[cap];
        values = new int[cap];
        stamps = new int[cap];
        Arrays.fill(keys, EMPTY);
    }

    /** Counts {@code key} once for text {@code text} (a text counting a key again leaves it as it is). */
    void countOnce(long key, int text) {
        int slot = find(key);
        if (keys[slot] == EMPTY) {
            keys[slot] = key;
            values[slot] = 1;
            stamps[slot] = text;
            size++;
            if (size * 2 > keys.length) {
                grow();
            }
        } else if (stamps[slot] != text) {
            values[slot]++;
            stamps[slot] = text;
        }
    }

    /** Sets {@code key}'s value (0 reads as absent). */
    void put(long key, int value) {
        int slot = find(key);
        if (keys[slot] == EMPTY) {
            keys[slot] = key;
            size++;
            values[slot] = value;
            if (size * 2 > keys.length) {
                grow();
            }
            return;
        }
        values[slot] = value;
    }

    int get(long key) {
        int slot = find(key);
        return keys[slot] == EMPTY ? 0 : values[slot];
    }

    private int find(long key) {
        int mask = keys.length - 1;
        int slot = (int) (mix(key) & mask);
        while (keys[slot] != EMPTY && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        int[] oldStamps = stamps;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        stamps = new int[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = find(oldKeys[i]);
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
                stamps[slot] = oldStamps[i];
            }
        }
    }

    private static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        return x;
    }
}
