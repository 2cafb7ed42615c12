package dev.aivoicebot.call;

import static dev.aivoicebot.call.CallHarness.WAIT;
import static dev.aivoicebot.call.CallHarness.await;
import static dev.aivoicebot.call.CallHarness.concat;
import static dev.aivoicebot.call.CallHarness.finishedTranscript;
import static dev.aivoicebot.call.CallHarness.newSession;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivoicebot.ManagementInterface;
import dev.aivoicebot.emulator.EmulatorRecorder;
import dev.aivoicebot.emulator.EmulatorSession;
import dev.aivoicebot.emulator.EmulatorSession.ResponseAudio;
import dev.aivoicebot.metrics.MetricsScrape;
import dev.aivoicebot.sim.CallerScript;
import dev.aivoicebot.sim.SimulatedCall;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Simulated calls through the emulator, then {@code /q/metrics} as Prometheus scrapes it: each number moves
 * by exactly what the call did, so it can only be there because the call path fed it.
 */
@QuarkusTest
class CallMetricsEndToEndTest extends DialingTest {

    @Inject
    EmulatorRecorder emulator;

    @Inject
    CallRegistry registry;

    @Override
    void beforeDialing() {
        await("calls of earlier tests have ended", () -> registry.activeCount() == 0);
    }

    @Test
    void aTurnIsCountedTimedAndRelayedByteForByte() {
        MetricsScrape before = MetricsScrape.now();
        var sessions = emulator.sessions();
        SimulatedCall call = twilio.placeCall(CallerScript.builder()
                .silence(2000).speech(1000).silence(1500).thenSilenceUntilHangUp());
        EmulatorSession session = newSession(emulator, sessions);
        await("greeting and answer are generated", () -> completed(session) >= 2);
        byte[] generated = concat(session.responses().stream().map(ResponseAudio::audio).toList());
        call.awaitAudio(generated.length, WAIT);
        MetricsScrape during = MetricsScrape.now();
        call.hangUp();
        finishedTranscript(call.identity().callSid());
        await("the call has ended", () -> registry.activeCount() == 0);
        MetricsScrape after = MetricsScrape.now();

        assertEquals(1, during.value("calls_active"), "one call in progress");
        assertEquals(0, after.value("calls_active"));
        assertEquals(1, after.delta(before, "calls_started_total"));
        assertEquals(1, after.delta(before, "calls_ended_total", "reason=\"caller-hung-up\""));
        assertEquals(1, after.delta(before, "calls_duration_seconds_count"));

        assertEquals(1, after.delta(before, "calls_greeting_latency_seconds_count"));
        assertEquals(1, after.delta(before, "calls_response_latency_seconds_count"), "one turn, one answer");
        double response = after.delta(before, "calls_response_latency_seconds_sum");
        assertTrue(response > 0 && response < 5, "response latency " + response + " s");
        assertEquals(1, after.delta(before, "calls_response_latency_seconds_bucket", "le=\"10.0\""));
        assertEquals(1, after.delta(before, "openai_realtime_connect_seconds_count"));
        assertEquals(1, after.delta(before, "openai_realtime_session_ready_seconds_count"));

        assertEquals(call.sentAudio().length, after.delta(before, "bridge_bytes_total", "direction=\"inbound\""),
                "every caller byte counted once");
        assertEquals(call.sentAudio().length / 160, after.delta(before, "bridge_frames_total", "direction=\"inbound\""));
        assertEquals(call.receivedAudio().length, after.delta(before, "bridge_bytes_total", "direction=\"outbound\""));
        assertEquals(call.receivedAudioChunks().size(),
                after.delta(before, "bridge_frames_total", "direction=\"outbound\""));
        assertTrue(after.delta(before, "bridge_overhead_seconds_count", "direction=\"inbound\"") > 0);
        assertTrue(after.delta(before, "bridge_overhead_seconds_count", "direction=\"outbound\"") > 0);

        assertEquals(1, after.delta(before, "transcript_lines_total", "speaker=\"customer\""));
        assertEquals(2, after.delta(before, "transcript_lines_total", "speaker=\"assistant\""));
        assertEquals(4, after.delta(before, "transcript_lines_total", "speaker=\"system\""),
                "call started, summary, usage, call ended");
        assertEquals(0, after.delta(before, "calls_barge_ins_total"));
    }

    @Test
    void aBargeInIsCountedWithItsTruncate() {
        MetricsScrape before = MetricsScrape.now();
        SimulatedCall call = twilio.placeCall(CallerScript.builder()
                .silence(400).speech(900).silence(1500).thenSilenceUntilHangUp());
        await("Twilio is told to clear", () -> !call.clears().isEmpty());
        call.hangUp();
        await("the call has ended", () -> registry.activeCount() == 0);
        MetricsScrape after = MetricsScrape.now();

        assertEquals(1, after.delta(before, "calls_barge_ins_total"));
        assertEquals(1, after.delta(before, "calls_truncates_total"));
    }

    @Test
    void upstreamErrorsAreCountedByBoundedCode() {
        MetricsScrape before = MetricsScrape.now();
        var sessions = emulator.sessions();
        SimulatedCall call = twilio.placeCall(CallerScript.builder().silence(200).thenSilenceUntilHangUp());
        EmulatorSession session = newSession(emulator, sessions);
        await("the greeting is generated", () -> completed(session) >= 1);

        session.sendError("server_error", "a_code_nobody_documented", "odd, but not fatal");
        session.sendError("invalid_request_error", "invalid_api_key", "Incorrect API key provided");
        call.awaitClose(WAIT);
        await("the call has ended", () -> registry.activeCount() == 0);
        MetricsScrape after = MetricsScrape.now();

        assertEquals(1, after.delta(before, "openai_realtime_errors_total", "code=\"other\""));
        assertEquals(1, after.delta(before, "openai_realtime_errors_total", "code=\"invalid_api_key\""));
        assertEquals(1, after.delta(before, "calls_ended_total", "reason=\"upstream-failure\""));
        assertTrue(after.text().lines().noneMatch(l -> l.contains("a_code_nobody_documented")), "no unbounded tag");
        assertTrue(after.text().lines().noneMatch(l -> l.contains(call.identity().callSid())), "no CallSid tag");
    }

    @Test
    void webhooksTurnedAwayAreCounted() {
        MetricsScrape before = MetricsScrape.now();
        given().contentType("application/x-www-form-urlencoded").formParam("CallSid", "CA" + "0".repeat(32))
                .post("/voice").then().statusCode(403);
        assertEquals(1, MetricsScrape.now().delta(before, "calls_rejected_total", "reason=\"invalid-signature\""));
    }

    @Test
    void everySeriesADashboardUsesExistsBeforeAnyCall() {
        MetricsScrape metrics = MetricsScrape.now();
        for (String reason : new String[] {"completed", "caller-hung-up", "upstream-failure", "max-duration",
                "capacity", "shutdown", "error", "caller-not-reading"}) {
            assertTrue(metrics.has("calls_ended_total{reason=\"" + reason + "\"}"), reason);
        }
        for (String reason : new String[] {"capacity", "draining", "invalid-signature", "invalid-request"}) {
            assertTrue(metrics.has("calls_rejected_total{reason=\"" + reason + "\"}"), reason);
        }
        assertTrue(metrics.has("calls_response_latency_seconds_bucket{le=\"0.05\"}"), "buckets from 50 ms");
        assertTrue(metrics.has("calls_max_concurrent 100.0"), metrics::text);
        assertTrue(metrics.has("service_ready 1.0"), "ready in tests: emulator on purpose");
    }

    @Test
    void readinessSaysWhyWithItsData() {
        ManagementInterface.given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'calls' }.data.upstream", equalTo("emulator"))
                .body("checks.find { it.name == 'calls' }.data.draining", equalTo(false))
                .body("checks.find { it.name == 'calls' }.data.maxConcurrentCalls", equalTo(100));
        ManagementInterface.given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    private static long completed(EmulatorSession session) {
        return session.responses().stream().filter(r -> "completed".equals(r.status())).count();
    }
}
