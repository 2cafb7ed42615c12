package dev.aivoicebot.transcript;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code transcript.lines{speaker}} and {@code transcript.write.errors}: is the conversation log being kept? The
 * transcript owns its meters, so it and the metrics package do not depend on each other.
 */
@Singleton
@Startup // registered at start, so a scrape before the first call already shows every series
public class TranscriptMetrics {

    private final Map<Speaker, Counter> lines = new EnumMap<>(Speaker.class);
    private final Counter errors;

    public TranscriptMetrics(MeterRegistry registry) {
        for (Speaker speaker : Speaker.values()) {
            lines.put(speaker, Counter.builder("transcript.lines").tag("speaker", speaker.tag())
                    .description("Transcript lines written to disk, by speaker").register(registry));
        }
        errors = Counter.builder("transcript.write.errors")
                .description("Transcript writes that failed (disk full, permissions, ...)").register(registry);
    }

    public void lineWritten(Speaker speaker) {
        lines.get(speaker).increment();
    }

    public void writeFailed() {
        errors.increment();
    }
}
