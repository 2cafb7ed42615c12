package dev.aivoicebot.metrics;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;

/**
 * What the per-frame meters cost on the registry the service really uses (Prometheus), in nanoseconds per
 * frame: run with {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.aivoicebot.metrics.HotPathCost}. Not a test: a measurement behind the choice of
 * {@link FrameMeter#SAMPLE_EVERY} (docs/operations.md, "Metrics"). Warm-up rounds first; the last round is the figure.
 */
public final class HotPathCost {

    private static final int FRAMES = 20_000_000;

    private HotPathCost() {
    }

    public static void main(String[] args) {
        CallMetrics metrics = new CallMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        FrameMeter frames = metrics.inbound();
        Timer everyFrame = Timer.builder("every.frame")
                .serviceLevelObjectives(CallMetrics.OVERHEAD_BUCKETS)
                .register(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < FRAMES; i++) {
                frames.relayed(160);
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < FRAMES; i++) {
                frames.forwarded(frames.receivedAt());
            }
            long t2 = System.nanoTime();
            for (int i = 0; i < FRAMES; i++) {
                long start = System.nanoTime();
                everyFrame.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
            long t3 = System.nanoTime();
            System.out.printf("round %d: frames+bytes counters %.1f ns, sampled overhead timer %.1f ns, "
                    + "timer on every frame %.1f ns per frame%n", round, (t1 - t0) / (double) FRAMES,
                    (t2 - t1) / (double) FRAMES, (t3 - t2) / (double) FRAMES);
        }
    }
}
