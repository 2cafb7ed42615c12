package dev.aivoicebot.safety;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Per-client budget of {@code requests} per {@code period}, allowing bursts up to the whole budget
 * (the generic cell rate algorithm: one timestamp per client). In memory, per instance.
 */
public final class RateLimiter {

    /** Past this many tracked clients, idle ones are forgotten (they are indistinguishable from new ones). */
    private static final int MAX_TRACKED_CLIENTS = 10_000;

    private final long interval;
    private final long period;
    private final LongSupplier nanoClock;
    /** Per client, the time at which its budget is whole again ("theoretical arrival time"). */
    private final Map<String, Long> fullAt = new ConcurrentHashMap<>();

    public RateLimiter(int requests, Duration period, LongSupplier nanoClock) {
        if (requests < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("rate limit needs requests >= 1 and a positive period");
        }
        this.period = period.toNanos();
        this.interval = this.period / requests;
        this.nanoClock = nanoClock;
    }

    /** Takes one request from the client's budget: 0 if allowed, else whole seconds until it may retry. */
    public long acquire(String client) {
        long now = nanoClock.getAsLong();
        long[] wait = {0};
        fullAt.compute(client, (key, previous) -> {
            long next = Math.max(previous == null ? now : previous, now) + interval;
            if (next - now > period) {
                wait[0] = next - period - now;
                return previous;
            }
            return next;
        });
        if (fullAt.size() > MAX_TRACKED_CLIENTS) {
            fullAt.values().removeIf(at -> at - now <= 0);
        }
        return seconds(wait[0]);
    }

    /** What {@link #acquire} would answer, without taking anything from the budget. */
    public long peek(String client) {
        Long at = fullAt.get(client);
        return at == null ? 0 : seconds(at + interval - period - nanoClock.getAsLong());
    }

    private static long seconds(long waitNanos) {
        return waitNanos <= 0 ? 0 : Math.max(1, (waitNanos + 999_999_999) / 1_000_000_000);
    }
}
