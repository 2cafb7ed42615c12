package dev.aivoicebot.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Every call meter, registered up front with every tag value it can take, so dashboards see zeros rather
 * than missing series and the relay path never looks a meter up (an ending call looks its reason up once). Names are documented in docs/operations.md, "Metrics".
 */
@Singleton
@Startup // registered at start, so a scrape before the first call already shows every series
public class CallMetrics {

    /** Caller-perceived waits: 50 ms (instant) to 10 s (the caller has given up). */
    static final Duration[] LATENCY_BUCKETS = millis(50, 100, 200, 300, 400, 500, 600, 700, 800, 1000, 1250,
            1500, 2000, 2500, 3000, 4000, 5000, 7500, 10_000);
    /** The bridge's own time per frame: 10 µs to 100 ms. */
    static final Duration[] OVERHEAD_BUCKETS = micros(10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000,
            25_000, 50_000, 100_000);

    /** Call lengths: 10 s to 30 min (OpenAI's session limit). */
    static final Duration[] DURATION_BUCKETS = { Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1),
            Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(15),
            Duration.ofMinutes(20), Duration.ofMinutes(25), Duration.ofMinutes(30) };

    private final MeterRegistry registry;
    private final Counter started;
    final Timer duration;
    private final Map<String, Counter> ended = new ConcurrentHashMap<>();
    private final Map<CallRejection, Counter> rejected = new EnumMap<>(CallRejection.class);
    private final Map<String, Counter> errors = new HashMap<>(); // filled here, read-only afterwards
    final Timer response;
    final Timer greeting;
    final Timer connect;
    final Timer sessionReady;
    final Counter reconnects;
    final Counter bargeIns;
    final Counter truncates;
    final FrameMeter inbound;
    final FrameMeter outbound;

    public CallMetrics(MeterRegistry registry) {
        this.registry = registry;
        started = Counter.builder("calls.started").description("Calls whose media stream started").register(registry);
        for (CallRejection reason : CallRejection.values()) {
            rejected.put(reason, Counter.builder("calls.rejected").tag("reason", reason.tag())
                    .description("Calls turned away before reaching the assistant, by reason").register(registry));
        }
        duration = Timer.builder("calls.duration").description("Length of ended calls, from the stream's start")
                .serviceLevelObjectives(DURATION_BUCKETS).register(registry);
        response = latency("calls.response.latency",
                "From the caller's speech_stopped to the first assistant audio sent to Twilio");
        greeting = latency("calls.greeting.latency", "From the stream's start to the first assistant audio sent");
        connect = latency("openai.realtime.connect", "Time to open the OpenAI Realtime WebSocket");
        sessionReady = latency("openai.realtime.session.ready",
                "From starting to connect to OpenAI until session.updated confirms our configuration");
        reconnects = Counter.builder("openai.realtime.reconnects")
                .description("OpenAI Realtime sessions re-opened after a drop").register(registry);
        for (String code : RealtimeErrorCodes.KNOWN) {
            errorCounter(code);
        }
        errorCounter(RealtimeErrorCodes.OTHER);
        bargeIns = Counter.builder("calls.barge-ins")
                .description("Times a caller interrupted the assistant").register(registry);
        truncates = Counter.builder("calls.truncates")
                .description("conversation.item.truncate sent after a barge-in").register(registry);
        inbound = frames("inbound");
        outbound = frames("outbound");
    }

    /** A media stream started: counts it and returns the call's own clocks. */
    public CallMeter callStarted() {
        started.increment();
        return new CallMeter(this, now());
    }

    /**
     * The gauges of this replica's calls: those in progress, and the configured limit. Registered by the call
     * side, which owns both numbers.
     */
    public void callGauges(IntSupplier activeCalls, int maxConcurrent) {
        Gauge.builder("calls.active", activeCalls, IntSupplier::getAsInt).strongReference(true)
                .description("Calls in progress on this replica").register(registry);
        Gauge.builder("calls.max.concurrent", () -> maxConcurrent)
                .description("Configured MAX_CONCURRENT_CALLS of this replica (0: no limit)").register(registry);
    }

    /** Registers {@code calls.ended} for every reason a call can end with, so each series shows zero before use. */
    public void endReasons(Collection<String> tags) {
        tags.forEach(tag -> ended.computeIfAbsent(tag, this::endedCounter));
    }

    void callEnded(String reasonTag, long durationNanos) {
        ended.computeIfAbsent(reasonTag, this::endedCounter).increment();
        duration.record(durationNanos, TimeUnit.NANOSECONDS);
    }

    public void callRejected(CallRejection reason) {
        rejected.get(reason).increment();
    }

    /** Caller frames, Twilio → OpenAI. */
    public FrameMeter inbound() {
        return inbound;
    }

    /** Assistant audio, OpenAI → Twilio. */
    public FrameMeter outbound() {
        return outbound;
    }

    void upstreamError(String code) {
        errors.get(RealtimeErrorCodes.tag(code)).increment();
    }

    long now() {
        return registry.config().clock().monotonicTime();
    }

    private Counter endedCounter(String reasonTag) {
        return Counter.builder("calls.ended").tag("reason", reasonTag).description("Calls ended, by reason")
                .register(registry);
    }

    private void errorCounter(String code) {
        errors.put(code, Counter.builder("openai.realtime.errors").tag("code", code)
                .description("OpenAI Realtime error events and failed connects, by code").register(registry));
    }

    private Timer latency(String name, String description) {
        return Timer.builder(name).description(description).serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry);
    }

    private FrameMeter frames(String direction) {
        return new FrameMeter(
                Counter.builder("bridge.frames").tag("direction", direction)
                        .description("Audio frames relayed (inbound: caller to OpenAI, outbound: OpenAI to caller)")
                        .register(registry),
                Counter.builder("bridge.bytes").tag("direction", direction).description("mu-law audio bytes relayed (8000 a second of audio)").register(registry),
                Timer.builder("bridge.overhead").tag("direction", direction)
                        .description("The bridge's own time per frame, message in hand to frame handed on; sampled 1 in "
                                + FrameMeter.SAMPLE_EVERY)
                        .serviceLevelObjectives(OVERHEAD_BUCKETS).register(registry));
    }

    private static Duration[] millis(long... values) {
        Duration[] durations = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            durations[i] = Duration.ofMillis(values[i]);
        }
        return durations;
    }

    private static Duration[] micros(long... values) {
        Duration[] durations = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            durations[i] = Duration.ofNanos(values[i] * 1000);
        }
        return durations;
    }
}
