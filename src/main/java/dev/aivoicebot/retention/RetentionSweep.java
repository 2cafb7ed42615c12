package dev.aivoicebot.retention;

import io.quarkus.arc.All;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * With {@code TRANSCRIPT_RETENTION} set, deletes the calls older than that from every {@link CallEraser}, a minute
 * after start and then daily, on a thread of its own. Logs counts only: no number, no text, no CallSid.
 */
@Singleton
public class RetentionSweep {

    private static final Logger LOG = Logger.getLogger(RetentionSweep.class);
    /** Shorter would let a sweep reach a call still going on. */
    static final Duration MINIMUM = Duration.ofDays(1);
    private static final Duration FIRST_SWEEP = Duration.ofMinutes(1);
    private static final Duration INTERVAL = Duration.ofDays(1);

    private final Optional<Duration> period;
    private final List<CallEraser> erasers;
    private final Clock clock;
    private ScheduledExecutorService timer;

    @Inject
    RetentionSweep(RetentionConfig config, @All List<CallEraser> erasers) {
        this(config.period(), erasers, Clock.systemUTC());
    }

    RetentionSweep(Optional<Duration> period, List<CallEraser> erasers, Clock clock) {
        period.filter(p -> p.compareTo(MINIMUM) < 0).ifPresent(p -> {
            throw new ConfigurationException("TRANSCRIPT_RETENTION must be at least 1d (e.g. 90d), or unset to keep"
                    + " calls until they are erased one by one.");
        });
        this.period = period;
        this.erasers = List.copyOf(erasers);
        this.clock = clock;
    }

    void start(@Observes StartupEvent event) {
        if (period.isEmpty()) {
            return;
        }
        LOG.infof("Calls older than %d days are deleted daily (TRANSCRIPT_RETENTION)", period.get().toDays());
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "retention");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(this::sweep, FIRST_SWEEP.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** One sweep now: what each eraser removed, by what it keeps (empty when retention is off). */
    public Map<String, Integer> sweep() {
        Map<String, Integer> removed = new LinkedHashMap<>();
        if (period.isEmpty()) {
            return removed;
        }
        Instant cutoff = clock.instant().minus(period.get());
        for (CallEraser eraser : erasers) {
            try {
                removed.put(eraser.what(), eraser.eraseStartedBefore(cutoff));
            } catch (IOException | RuntimeException e) { // one store failing must not keep the others
                LOG.errorf("Retention could not sweep the %s: %s", eraser.what(), e.getClass().getSimpleName());
            }
        }
        LOG.infof("Retention: deleted calls started before %s: %s", cutoff, removed);
        return removed;
    }
}
