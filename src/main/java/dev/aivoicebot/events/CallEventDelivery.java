package dev.aivoicebot.events;

import dev.aivoicebot.events.CallEventMetrics.Outcome;
import dev.aivoicebot.safety.SafeText;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Delivers the outbox, on a thread of its own (never an event loop): every second, and at once when an event is
 * put, it claims the entry due first, sends it, and marks it done, to retry later (exponential backoff, at least
 * what Retry-After asks), or dead (a 4xx other than 408 and 429, or out of attempts or time). One entry at a time;
 * entries of different calls may arrive in any order. Logs CallSids and statuses, never a number or a word said.
 */
final class CallEventDelivery {

    private static final Logger LOG = Logger.getLogger(CallEventDelivery.class);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);
    /** Beyond the request timeout: a claim outlives any attempt of a live replica. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(60);

    /** @param maxAttempts deliveries tried before giving up; @param maxAge given up when older than this */
    record Policy(int maxAttempts, Duration maxAge, Duration retryDelay, Duration timeout) {
    }

    private final Outbox outbox;
    private final CallEventSender sender;
    private final CallEventMetrics metrics;
    private final Policy policy;
    private final Clock clock;
    private ScheduledExecutorService thread;

    CallEventDelivery(Outbox outbox, CallEventSender sender, CallEventMetrics metrics, Policy policy, Clock clock) {
        this.outbox = outbox;
        this.sender = sender;
        this.metrics = metrics;
        this.policy = policy;
        this.clock = clock;
    }

    synchronized void start() {
        thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "call-events");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::deliverDue, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** An event was put: deliver it now rather than at the next poll. */
    void wake() {
        ScheduledExecutorService t = thread;
        if (t != null) {
            try {
                t.execute(this::deliverDue);
            } catch (RejectedExecutionException e) {
                // stopping: the entry stays in the outbox for the next start
            }
        }
    }

    /** Stops at once; an attempt in flight is abandoned and its entry released for the next start or replica. */
    synchronized void stop() {
        if (thread != null) {
            thread.shutdownNow();
            try {
                thread.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Delivers every entry due now, one after the other. */
    void deliverDue() {
        try {
            Optional<OutboxEntry> entry;
            while (!Thread.currentThread().isInterrupted()
                    && (entry = outbox.claim(clock.instant(), clock.instant().plus(policy.timeout()).plus(LEASE_MARGIN)))
                            .isPresent()) {
                attempt(entry.get());
            }
            metrics.pending(outbox.pending());
        } catch (IOException | RuntimeException e) { // the next poll tries again; the thread must not die
            LOG.errorf("Call events: the outbox could not be read: %s", e.getClass().getSimpleName());
        }
    }

    private void attempt(OutboxEntry entry) throws IOException {
        CallEventSender.Result result;
        try {
            result = sender.send(entry.callSid(), entry.body());
        } catch (InterruptedException e) {
            outbox.release(entry);
            Thread.currentThread().interrupt();
            return;
        }
        int attempt = entry.attempts() + 1;
        String detail = SafeText.of(result.detail());
        switch (result.kind()) {
            case DELIVERED -> {
                outbox.done(entry);
                metrics.count(Outcome.DELIVERED);
                LOG.infof("Call event for %s delivered (%s, attempt %d)", entry.callSid(), detail, attempt);
            }
            case GIVE_UP -> giveUp(entry, attempt, detail);
            case RETRY -> {
                Instant due = clock.instant().plus(wait(attempt, result.retryAfter()));
                if (attempt >= policy.maxAttempts() || due.isAfter(entry.createdAt().plus(policy.maxAge()))) {
                    giveUp(entry, attempt, detail + ", out of attempts or time");
                    return;
                }
                outbox.retryLater(entry, due);
                metrics.count(Outcome.RETRIED);
                LOG.infof("Call event for %s not delivered (%s, attempt %d); next try at %s", entry.callSid(), detail,
                        attempt, due);
            }
        }
    }

    private void giveUp(OutboxEntry entry, int attempt, String detail) throws IOException {
        outbox.dead(entry);
        metrics.count(Outcome.DEAD);
        LOG.warnf("Call event for %s given up after %d attempt(s) (%s); it stays in the outbox's dead/ until"
                + " retention or an erase removes it", entry.callSid(), attempt, detail);
    }

    /** Twice as long after each failure, from the retry delay up to an hour, with a little jitter; never less than asked. */
    Duration wait(int failures, Optional<Duration> retryAfter) {
        long base = policy.retryDelay().toMillis() << Math.min(failures - 1, 30);
        long millis = Math.min(base < 0 ? Long.MAX_VALUE : base, LONGEST_WAIT.toMillis());
        millis += (long) (millis * 0.2 * ThreadLocalRandom.current().nextDouble());
        Duration backoff = Duration.ofMillis(millis);
        return retryAfter.filter(asked -> asked.compareTo(backoff) > 0).orElse(backoff);
    }
}
