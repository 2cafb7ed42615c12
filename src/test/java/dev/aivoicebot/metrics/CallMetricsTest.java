package dev.aivoicebot.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The call clocks event by event, on a clock the test moves by hand. */
class CallMetricsTest {

    private final MockClock clock = new MockClock();
    private final MeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
    private final AtomicInteger active = new AtomicInteger();
    private final CallMetrics metrics = new CallMetrics(registry);

    CallMetricsTest() {
        metrics.callGauges(active::get, 50);
        metrics.endReasons(List.of("caller-hung-up", "capacity", "max-duration"));
    }

    @Test
    void greetingLatencyRunsFromStreamStartToTheFirstAudioSentOnly() {
        CallMeter call = metrics.callStarted();
        clock.add(Duration.ofMillis(850));
        call.assistantAudio(800);
        clock.add(Duration.ofMillis(100));
        call.assistantAudio(800);

        Timer greeting = registry.get("calls.greeting.latency").timer();
        assertEquals(1, greeting.count());
        assertEquals(850, greeting.totalTime(TimeUnit.MILLISECONDS), 0.001);
        assertEquals(1, registry.get("calls.started").counter().count());
        assertEquals(0, registry.get("calls.response.latency").timer().count(), "nobody spoke yet");
    }

    @Test
    void responseLatencyRunsFromTheLastSpeechStoppedToTheNextAudio() {
        CallMeter call = metrics.callStarted();
        call.assistantAudio(800); // greeting
        call.speechStopped();
        clock.add(Duration.ofMillis(400));
        call.speechStarted(); // the caller went on talking: that stop was not the end of the turn
        clock.add(Duration.ofMillis(900));
        call.speechStopped();
        clock.add(Duration.ofMillis(620));
        call.assistantAudio(800);
        clock.add(Duration.ofMillis(100));
        call.assistantAudio(800); // the rest of the same answer

        Timer response = registry.get("calls.response.latency").timer();
        assertEquals(1, response.count());
        assertEquals(620, response.totalTime(TimeUnit.MILLISECONDS), 0.001);
    }

    @Test
    void aTurnThatIsNeverAnsweredRecordsNothing() {
        CallMeter call = metrics.callStarted();
        call.speechStopped();
        call.speechStarted();
        clock.add(Duration.ofSeconds(3));
        call.assistantAudio(800);
        assertEquals(0, registry.get("calls.response.latency").timer().count());
    }

    @Test
    void connectAndSessionReadyAreTimedPerConnection() {
        CallMeter call = metrics.callStarted();
        call.connecting();
        clock.add(Duration.ofMillis(120));
        call.upstreamOpened();
        clock.add(Duration.ofMillis(30));
        call.sessionReady();
        call.sessionReady(); // a later session.updated is not a new connection
        call.reconnecting();
        call.connecting();
        clock.add(Duration.ofMillis(200));
        call.upstreamOpened();
        call.sessionReady();

        assertEquals(2, registry.get("openai.realtime.connect").timer().count());
        assertEquals(320, registry.get("openai.realtime.connect").timer().totalTime(TimeUnit.MILLISECONDS), 0.001);
        assertEquals(2, registry.get("openai.realtime.session.ready").timer().count());
        assertEquals(350, registry.get("openai.realtime.session.ready").timer().totalTime(TimeUnit.MILLISECONDS),
                0.001);
        assertEquals(1, registry.get("openai.realtime.reconnects").counter().count());
    }

    @Test
    void errorCodesAreBoundedAndFailedConnectsHaveTheirOwn() {
        CallMeter call = metrics.callStarted();
        call.upstreamError("invalid_api_key");
        call.upstreamError("made_up_code_" + System.nanoTime());
        call.upstreamError(null);
        call.connectFailed();

        assertEquals(1, errors("invalid_api_key"));
        assertEquals(2, errors("other"));
        assertEquals(1, errors("connect_failed"));
        assertEquals(RealtimeErrorCodes.KNOWN.size() + 1, registry.find("openai.realtime.errors").counters().size(),
                "every code is registered up front, and unknown ones add no series");
    }

    @Test
    void endsAreCountedByReasonWithTheCallsLength() {
        CallMeter call = metrics.callStarted();
        clock.add(Duration.ofSeconds(42));
        call.ended("caller-hung-up");
        metrics.callStarted().ended("capacity");

        assertEquals(1, registry.get("calls.ended").tag("reason", "caller-hung-up").counter().count());
        assertEquals(1, registry.get("calls.ended").tag("reason", "capacity").counter().count());
        assertEquals(0, registry.get("calls.ended").tag("reason", "max-duration").counter().count());
        assertEquals(42, registry.get("calls.duration").timer().max(TimeUnit.SECONDS), 0.001);
    }

    @Test
    void bargeInsRejectionsAndGauges() {
        CallMeter call = metrics.callStarted();
        call.bargeIn(true);
        call.bargeIn(false);
        metrics.callRejected(CallRejection.CAPACITY);
        active.set(7);

        assertEquals(2, registry.get("calls.barge-ins").counter().count());
        assertEquals(1, registry.get("calls.truncates").counter().count());
        assertEquals(1, registry.get("calls.rejected").tag("reason", "capacity").counter().count());
        assertEquals(0, registry.get("calls.rejected").tag("reason", "draining").counter().count());
        assertEquals(7, registry.get("calls.active").gauge().value());
        assertEquals(50, registry.get("calls.max.concurrent").gauge().value());
    }

    @Test
    void framesAndBytesPerDirection() {
        CallMeter call = metrics.callStarted();
        call.callerAudio(3);
        call.callerAudio(2);
        call.callerAudio(1);
        call.assistantAudio(800);

        assertEquals(3, registry.get("bridge.frames").tag("direction", "inbound").counter().count());
        assertEquals(6, registry.get("bridge.bytes").tag("direction", "inbound").counter().count());
        assertEquals(1, registry.get("bridge.frames").tag("direction", "outbound").counter().count());
        assertEquals(800, registry.get("bridge.bytes").tag("direction", "outbound").counter().count());
    }

    @Test
    void theOverheadTimerSamplesOneFrameInSixteen() {
        FrameMeter inbound = metrics.inbound();
        for (int i = 0; i < 160; i++) {
            inbound.forwarded(inbound.receivedAt());
        }
        Timer overhead = registry.get("bridge.overhead").tag("direction", "inbound").timer();
        assertEquals(160 / FrameMeter.SAMPLE_EVERY, overhead.count());
        assertEquals(0, registry.get("bridge.overhead").tag("direction", "outbound").timer().count());
    }

    private double errors(String code) {
        return registry.get("openai.realtime.errors").tag("code", code).counter().count();
    }
}
