package dev.aivoicebot.speech;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * {@code speech.requests{outcome}}, {@code speech.latency.first-byte} and {@code speech.latency.total{outcome}}.
 * Every outcome is registered up front, so dashboards see zeros rather than missing series. The timers publish
 * histogram buckets (100 ms to 30 s) so dashboards can show percentiles across replicas.
 */
@Singleton
@Startup // registered at start, so a scrape before the first call already shows every series
class SpeechMetrics {

    private static final Duration[] BUCKETS = Stream.of(100, 250, 500, 750, 1000, 1500, 2000, 3000, 5000, 7500,
            10_000, 20_000, 30_000).map(Duration::ofMillis).toArray(Duration[]::new);

    private final MeterRegistry registry;
    private final Timer firstByte;
    private final Map<SpeechOutcome, Counter> requests = new EnumMap<>(SpeechOutcome.class);
    private final Map<SpeechOutcome, Timer> total = new EnumMap<>(SpeechOutcome.class);

    SpeechMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.firstByte = Timer.builder("speech.latency.first-byte")
                .description("From request to the first audio byte sent to the caller")
                .serviceLevelObjectives(BUCKETS).register(registry);
        for (SpeechOutcome outcome : SpeechOutcome.values()) {
            requests.put(outcome, Counter.builder("speech.requests").tag("outcome", outcome.code())
                    .description("POST /generate-voice requests by outcome").register(registry));
            total.put(outcome, Timer.builder("speech.latency.total").tag("outcome", outcome.code())
                    .description("From request to the last byte or the error")
                    .serviceLevelObjectives(BUCKETS).register(registry));
        }
    }

    /** Starts timing one request. */
    Timing start() {
        return new Timing(registry.config().clock().monotonicTime());
    }

    /** One request's clock; each mark counts once however often it is called. */
    final class Timing {
        private final long startNanos;
        private final AtomicBoolean sawFirstByte = new AtomicBoolean();
        private final AtomicBoolean finished = new AtomicBoolean();

        private Timing(long startNanos) {
            this.startNanos = startNanos;
        }

        void firstByte() {
            if (sawFirstByte.compareAndSet(false, true)) {
                firstByte.record(elapsed(), TimeUnit.NANOSECONDS);
            }
        }

        void finish(SpeechOutcome outcome) {
            if (finished.compareAndSet(false, true)) {
                requests.get(outcome).increment();
                total.get(outcome).record(elapsed(), TimeUnit.NANOSECONDS);
            }
        }

        private long elapsed() {
            return registry.config().clock().monotonicTime() - startNanos;
        }
    }
}
