package dev.aivoicebot.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code call_events_total{outcome=delivered|retried|dead}} and {@code call_events_pending}. The gauge shows what
 * the delivery thread counted last, so a scrape never lists a directory (scrapes may run on an event loop).
 */
@Singleton
@Startup // the series exist from the start, so the dashboard shows zeros rather than gaps
class CallEventMetrics {

    enum Outcome { DELIVERED, RETRIED, DEAD }

    private final MeterRegistry registry;
    private final AtomicInteger pending = new AtomicInteger();

    CallEventMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Outcome outcome : Outcome.values()) {
            counter(outcome);
        }
        // a supplier, held strongly: a gauge built on an object keeps only a weak reference to it
        Gauge.builder("call.events.pending", pending::get)
                .description("Call events waiting to be delivered to CALL_EVENTS_URL (this replica's last count)")
                .register(registry);
    }

    void count(Outcome outcome) {
        counter(outcome).increment();
    }

    void pending(int count) {
        pending.set(count);
    }

    private Counter counter(Outcome outcome) {
        return Counter.builder("call.events").tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .description("Call event delivery attempts by how they ended").register(registry);
    }
}
