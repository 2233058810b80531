package dev.policywatch.notifier.delivery;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** When the daily digest that collects a change goes out: the next {@code time} in {@code zone} after now. Pure. */
public final class DigestSchedule {

    private DigestSchedule() {
    }

    /** The next send time strictly after {@code now}. */
    public static ZonedDateTime next(Instant now, LocalTime time, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime candidate = local.toLocalDate().atTime(time).atZone(zone);
        return candidate.isAfter(local) ? candidate : local.toLocalDate().plusDays(1).atTime(time).atZone(zone);
    }

    /** The key that groups a subscription's changes into one digest: the digest's date. */
    public static String batchKey(ZonedDateTime sendAt) {
        return "digest:" + sendAt.toLocalDate();
    }
}
