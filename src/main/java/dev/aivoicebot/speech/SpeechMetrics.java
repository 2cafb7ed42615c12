package dev.aivoicebot.speech;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code speech.requests{outcome}}, {@code speech.latency.first-byte} and {@code speech.latency.total{outcome}}.
 * Every outcome is registered up front, so dashboards see zeros rather than missing series.
 */
@Singleton
class SpeechMetrics {

    private final MeterRegistry registry;
    private final Timer firstByte;
    private final Map<SpeechOutcome, Counter> requests = new EnumMap<>(SpeechOutcome.class);
    private final Map<SpeechOutcome, Timer> total = new EnumMap<>(SpeechOutcome.class);

    SpeechMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.firstByte = Timer.builder("speech.latency.first-byte")
                .description("From request to the first audio byte sent to the caller").register(registry);
        for (SpeechOutcome outcome : SpeechOutcome.values()) {
            requests.put(outcome, Counter.builder("speech.requests").tag("outcome", outcome.code())
                    .description("POST /generate-voice requests by outcome").register(registry));
            total.put(outcome, Timer.builder("speech.latency.total").tag("outcome", outcome.code())
                    .description("From request to the last byte or the error").register(registry));
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
