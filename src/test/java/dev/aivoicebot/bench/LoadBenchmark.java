package dev.aivoicebot.bench;

import dev.aivoicebot.sim.CallIdentity;
import dev.aivoicebot.sim.ConnectStreamTwiml;
import dev.aivoicebot.sim.PlaceCall;
import dev.aivoicebot.sim.SimulatedCall;
import dev.aivoicebot.sim.SimulatorConfig;
import dev.aivoicebot.sim.TwilioCallSimulator;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Load benchmark against a running service (started by {@code bench/load.sh}): N concurrent simulated calls
 * with real-time audio, speech and barge-ins, measured over a window of S seconds once every call is up.
 * Arguments: local base URL, service pid, calls, seconds, PUBLIC_BASE_URL, Twilio auth token, and optionally
 * the management interface's origin (default: the local host, port 9000). Differences between two scrapes of
 * /q/metrics and two reads of /proc cover only the window; frame loss covers the whole run.
 */
public final class LoadBenchmark {

    /** Time after the last call is up before measuring: its greeting has been sent. */
    private static final long SETTLE_MS = 5000;
    private static final int DIALERS = 16;
    private static final long IDLE_MS = 5000;

    private LoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String local = args[0];
        long pid = Long.parseLong(args[1]);
        int count = Integer.parseInt(args[2]);
        long seconds = Long.parseLong(args[3]);
        String publicBase = args[4];
        String token = args[5];
        String management = args.length > 6 ? args[6] : MetricsScrape.defaultManagement(local);
        // Arrivals spread over up to 10 s (50 ms apart at most), like a trunk filling, not one burst.
        long rampMs = Math.min(10_000, count * 50L);
        long callMs = rampMs + SETTLE_MS + seconds * 1000 + 10_000;
        HttpClient http = HttpClient.newHttpClient();
        SimulatorConfig config = PlaceCall.config(local, publicBase, token).withRecordAudio(false);

        // The service's CPU with no call (its emulator, metrics, timers, JIT still at work), to tell fixed cost from per-call cost.
        double idleCpuStart = ProcStats.of(pid).cpuSeconds();
        Thread.sleep(IDLE_MS);
        double idleCores = (ProcStats.of(pid).cpuSeconds() - idleCpuStart) / (IDLE_MS / 1000.0);
        MetricsScrape before = MetricsScrape.fetch(http, management);
        PlacedCalls calls = new PlacedCalls();
        try (TwilioCallSimulator twilio = new TwilioCallSimulator(config)) {
            dialAll(twilio, count, rampMs, callMs, calls);
            Thread.sleep(SETTLE_MS);

            Window window = Window.open(http, management, pid, calls.live());
            Thread.sleep(seconds * 1000);
            Window.Result measured = window.close(http, management, pid, calls.live());

            for (SimulatedCall call : calls.live()) {
                call.hangUp();
            }
            for (SimulatedCall call : calls.live()) {
                call.awaitClose(Duration.ofSeconds(10));
            }
            Thread.sleep(1500); // the service counts the last frames and ends the calls
            MetricsScrape after = MetricsScrape.fetch(http, management);
            BenchReport report = BenchReport.of(count, idleCores, calls, measured, before, after);
            report.print();
        }
    }

    private static void dialAll(TwilioCallSimulator twilio, int count, long rampMs, long callMs,
            PlacedCalls calls) throws InterruptedException {
        ExecutorService dialers = Executors.newFixedThreadPool(DIALERS);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            int index = i;
            long dueNanos = start + TimeUnit.MILLISECONDS.toNanos(rampMs * i / count);
            dialers.submit(() -> {
                long wait = dueNanos - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                try {
                    // PlaceCall.dial's two steps, timed apart: webhook answered, then stream open.
                    CallIdentity identity = twilio.newCall();
                    long began = System.nanoTime();
                    ConnectStreamTwiml twiml = twilio.postVoiceWebhook(identity).twiml();
                    long answered = System.nanoTime();
                    SimulatedCall call = twilio.openStream(identity, twiml, LoadScript.forCall(index, callMs));
                    calls.placed(call, answered - began, System.nanoTime() - answered);
                } catch (RuntimeException e) {
                    calls.failed(e);
                }
                return null;
            });
        }
        dialers.shutdown();
        dialers.awaitTermination(rampMs + 120_000, TimeUnit.MILLISECONDS);
    }
}
