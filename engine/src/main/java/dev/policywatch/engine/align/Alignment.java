package dev.policywatch.engine.align;

import java.util.Arrays;

/**
 * Which old provision became which new one: a partial one-to-one mapping between the indices of
 * the two provision lists. Unpaired old provisions were removed, unpaired new ones added.
 * Immutable.
 */
public final class Alignment {

    private final int[] newOf;
    private final int[] oldOf;

    Alignment(int[] newOf, int[] oldOf) {
        this.newOf = newOf.clone();
        this.oldOf = oldOf.clone();
    }

    /** The new index paired with old provision {@code oldIndex}, or -1 when it was removed. */
    public int newIndexOf(int oldIndex) {
        return newOf[oldIndex];
    }

    /** The old index paired with new provision {@code newIndex}, or -1 when it was added. */
    public int oldIndexOf(int newIndex) {
        return oldOf[newIndex];
    }

    /** The number of pairs. */
    public int pairs() {
        return (int) Arrays.stream(newOf).filter(j -> j >= 0).count();
    }
}
