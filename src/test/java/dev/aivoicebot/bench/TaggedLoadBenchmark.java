package dev.aivoicebot.bench;

import dev.aivoicebot.sim.PlaceCall;
import dev.aivoicebot.sim.SimulatorConfig;
import dev.aivoicebot.sim.TwilioCallSimulator;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Load benchmark with tagged audio, run by {@code bench/load.sh} against a running service (or, with
 * {@code target=sample}, Twilio's Node.js sample) whose OpenAI side is {@code TaggedRealtimeServer} in a third
 * process. Every caller frame and every answer frame carries a
 * tag (call, frame number, speech flag, send time), so latency, loss and order are measured end to end from
 * outside the service, in both directions. Steps: the service's idle CPU and RSS; N calls dialed over a ramp;
 * a warm-up; the measured window; hang-up; one table and one {@code BENCH_JSON} line.
 */
public final class TaggedLoadBenchmark {

    private static final long IDLE_MS = 5000;

    private TaggedLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        HttpClient http = HttpClient.newHttpClient();
        String loadAtStart = loadAverage();
        ProcStats idleStart = ProcStats.of(options.servicePid());
        Thread.sleep(IDLE_MS);
        ProcStats idleEnd = ProcStats.of(options.servicePid());
        double idleCores = (idleEnd.cpuSeconds() - idleStart.cpuSeconds()) / (IDLE_MS / 1000.0);
        double idleHeapMb = ServiceSampler.heapMb(MetricsScrape.fetch(http, options.management()));

        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(options.eventLoops()));
        GeneratorStats stats = new GeneratorStats();
        List<PacingShard> shards = new ArrayList<>();
        for (int i = 0; i < options.eventLoops(); i++) {
            // Each context made from outside Vert.x lands on the next event loop: one shard per loop.
            PacingShard shard = new PacingShard(vertx, vertx.getOrCreateContext(), stats);
            shard.start();
            shards.add(shard);
        }
        WebSocketClient streams = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxConnections(100_000).setConnectTimeout(15_000));
        SimulatorConfig config = PlaceCall.config(options.local(), options.publicBase(), options.token());
        GeneratorWarmUp.run(vertx, streams, http, options);
        try (TwilioCallSimulator twilio = new TwilioCallSimulator(config)) {
            CallTarget target = options.sample() ? new SampleTarget(options.local()) : new ServiceTarget(twilio);
            Dialer dialer = new Dialer(target, streams, shards, stats, options.thinkMs());
            ProcStats atDial = ProcStats.of(options.servicePid());
            long dialStart = System.nanoTime();
            dialer.dialAll(options.calls(), options.rampMs(), options.dialers());
            System.out.printf("dialed %d calls in %.1f s (%d failed); warming up %d s%n", options.calls(),
                    (System.nanoTime() - dialStart) / 1e9, dialer.failures.get(), options.warmupS());
            Thread.sleep(options.warmupS() * 1000);

            resetIntervals(stats);
            WindowEnds open = WindowEnds.read(http, options, shards, false);
            ServiceSampler sampler = new ServiceSampler(http, options.management(), options.servicePid(),
                    options.seconds() >= 300 ? 10 : 3);
            Thread.sleep(options.seconds() * 1000);
            WindowEnds close = WindowEnds.read(http, options, shards, true);
            Histogram returns = stats.returnMicros.getIntervalHistogram();
            Histogram responses = stats.responseMicros.getIntervalHistogram();
            Histogram clears = stats.clearMicros.getIntervalHistogram();
            Histogram pacing = stats.pacingLatenessMicros.getIntervalHistogram();
            sampler.close();
            String loadAtEnd = loadAverage();
            MetricsScrape beforeSteady = MetricsScrape.fetch(http, options.management());
            Histogram steadyGreetings = steadyStateGreetings(dialer, stats, options);
            MetricsScrape afterSteady = MetricsScrape.fetch(http, options.management());

            for (PacingShard shard : shards) {
                WindowEnds.await(shard.onCalls(calls -> {
                    calls.forEach(TaggedCall::hangUp);
                    return null;
                }));
            }
            Thread.sleep(3000); // the last frames reach the fake; the service ends the calls
            WindowEnds after = WindowEnds.read(http, options, shards, true);
            Histogram greetings = new Histogram(3); // the window's went into greetingsBeforeWindow

            TaggedReport report = new TaggedReport(options);
            report.run(idleCores, idleStart, idleHeapMb, loadAtStart, loadAtEnd, dialer);
            report.window(open, close, sampler.samples());
            report.withRamp(atDial, close, dialer.openedAtNanos);
            report.latencies(close.fakeStats(), returns, responses, clears, pacing, greetingsAll(stats, greetings));
            report.steadyGreetings(steadyGreetings, beforeSteady, afterSteady);
            report.dialPhase(open.fakeStats());
            report.frames(open, close, after);
            if (options.toolMs() > 0) {
                report.tools(open, close, after);
            }
            report.print();
        } finally {
            vertx.close();
        }
        System.exit(0);
    }

    /**
     * Greetings of calls placed one at a time while the N calls are up and warm (after the window, so the
     * window's figures are untouched): the greeting latency a caller meets in steady state, without the dial
     * ramp's storm or a cold service. The calls stay up until everything hangs up.
     */
    private static Histogram steadyStateGreetings(Dialer dialer, GeneratorStats stats, BenchOptions options)
            throws InterruptedException {
        int count = Integer.getInteger("bench.steadyCalls", 20);
        Histogram before = stats.greetingMicros.getIntervalHistogram();
        stats.greetingsBeforeWindow.add(before); // greetings of the window itself (normally none) stay in the total
        dialer.dial(options.calls(), count, count * 250L, 1);
        Thread.sleep(3000); // the last one's greeting (think time is milliseconds)
        return stats.greetingMicros.getIntervalHistogram();
    }

    /** Greetings happen while dialing, before the window: they are kept from the start (see resetIntervals). */
    private static Histogram greetingsAll(GeneratorStats stats, Histogram sinceWindow) {
        Histogram all = stats.greetingsBeforeWindow == null ? new Histogram(3) : stats.greetingsBeforeWindow.copy();
        all.add(sinceWindow);
        return all;
    }

    /** Drops what the histograms recorded during dialing and warm-up, except greetings (kept aside). */
    private static void resetIntervals(GeneratorStats stats) {
        stats.greetingsBeforeWindow = stats.greetingMicros.getIntervalHistogram();
        stats.returnMicros.reset();
        stats.responseMicros.reset();
        stats.clearMicros.reset();
        stats.pacingLatenessMicros.reset();
    }

    private static String loadAverage() {
        try {
            return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (Exception e) {
            return "";
        }
    }
}
