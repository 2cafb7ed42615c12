package dev.aivoicebot.store;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code db_sync_lag_lines} and {@code db_sync_errors_total}: is the database keeping up with the files? Registered
 * only when a database is configured (a service without one has nothing to lag behind).
 */
@Singleton
public class StoreMetrics {

    private final MeterRegistry registry;
    private final AtomicLong lag = new AtomicLong();
    private Counter errors;

    StoreMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void register() {
        Gauge.builder("db.sync.lag.lines", lag, AtomicLong::get).strongReference(true)
                .description("Complete transcript lines on file not yet in the database, as of the last sync pass")
                .register(registry);
        errors = Counter.builder("db.sync.errors")
                .description("Sync passes that failed (database down, slow or refusing a write)").register(registry);
    }

    void lag(long lines) {
        lag.set(lines);
    }

    void failed() {
        errors.increment();
    }
}
