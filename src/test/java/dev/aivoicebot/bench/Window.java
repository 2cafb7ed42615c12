package dev.aivoicebot.bench;

import dev.aivoicebot.sim.SimulatedCall;
import java.net.http.HttpClient;
import java.util.List;

/**
 * The measured stretch of a run: metrics, service and generator CPU and caller audio at its start, so
 * that at its end every figure is a difference over the same seconds.
 */
record Window(MetricsScrape metrics, ProcStats service, ProcStats generator, long sentBytes, long startNanos,
        int liveCalls) {

    /** What happened inside the window. {@code liveCallsAtEnd} below {@code liveCalls} means calls dropped. */
    record Result(Window start, MetricsScrape metrics, ProcStats service, ProcStats generator, long sentBytes,
            double seconds, int liveCallsAtEnd, long worstPacingLatenessMs) {

        double serviceCpuSeconds() {
            return service.cpuSeconds() - start.service.cpuSeconds();
        }

        double generatorCpuSeconds() {
            return generator.cpuSeconds() - start.generator.cpuSeconds();
        }

        double callMinutes() {
            return Math.min(start.liveCalls, liveCallsAtEnd) * seconds / 60.0;
        }
    }

    static Window open(HttpClient http, String management, long pid, List<SimulatedCall> live) {
        return new Window(MetricsScrape.fetch(http, management), ProcStats.of(pid), ProcStats.self(), sent(live),
                System.nanoTime(), live.size());
    }

    Result close(HttpClient http, String management, long pid, List<SimulatedCall> live) {
        long now = System.nanoTime();
        MetricsScrape end = MetricsScrape.fetch(http, management);
        long worstLateness = live.stream().mapToLong(c -> c.worstPacingLateness().toMillis()).max().orElse(0);
        return new Result(this, end, ProcStats.of(pid), ProcStats.self(), sent(live), (now - startNanos) / 1e9,
                live.size(), worstLateness);
    }

    private static long sent(List<SimulatedCall> calls) {
        return calls.stream().mapToLong(SimulatedCall::sentAudioBytes).sum();
    }
}
