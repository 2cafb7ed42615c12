package dev.aivoicebot.call;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code calls.recordings{outcome}} ({@code calls_recordings_total} in Prometheus): recordings started or not, and
 * pauses and resumes done or failed. One tag of five values; every series exists from the start at zero.
 */
@Singleton
@Startup
class RecordingMetrics {

    enum Outcome {
        STARTED, START_FAILED, PAUSED, RESUMED, UPDATE_FAILED;

        String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);

    RecordingMetrics(MeterRegistry registry) {
        for (Outcome outcome : Outcome.values()) {
            counters.put(outcome, Counter.builder("calls.recordings").tag("outcome", outcome.tag())
                    .description("Call recordings started or failed, and their pauses and resumes").register(registry));
        }
    }

    void count(Outcome outcome) {
        counters.get(outcome).increment();
    }
}
