package dev.policywatch.notifier.delivery;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: after failure n the next try is in {@code base·2^(n-1)}, capped at
 * {@code max}, times a random factor in [0.5, 1) so that many deliveries failing together do not
 * retry together. Gives up after {@code maxAttempts} failures. Pure: the randomness is passed in.
 */
public record RetryPolicy(Duration base, Duration max, int maxAttempts) {

    public RetryPolicy {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("invalid retry policy: base " + base + ", max " + max + ", attempts "
                    + maxAttempts);
        }
    }

    /** Whether a delivery that has now failed {@code failures} times should be tried again. */
    public boolean retries(int failures) {
        return failures < maxAttempts;
    }

    /** The wait after failure number {@code failures} (1-based). */
    public Duration delay(int failures, DoubleSupplier random) {
        int exponent = Math.min(Math.max(failures, 1) - 1, 30);
        long millis = Math.min(max.toMillis(), base.toMillis() * (1L << exponent));
        double factor = 0.5 + 0.5 * Math.min(Math.max(random.getAsDouble(), 0), 1);
        return Duration.ofMillis(Math.max(1, (long) (millis * factor)));
    }
}
