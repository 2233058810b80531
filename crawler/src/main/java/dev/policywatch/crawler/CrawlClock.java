package dev.policywatch.crawler;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * The crawler's clock: snapshot times, schedules and the robots.txt cache read it. The default is the
 * system clock; a test registers its own instance (it wins over this {@link Secondary} default).
 */
@Singleton
@Secondary
public class CrawlClock {

    private final Clock clock;

    public CrawlClock() {
        this(Clock.systemUTC());
    }

    public CrawlClock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Instant now() {
        return clock.instant();
    }

    public Clock clock() {
        return clock;
    }
}
