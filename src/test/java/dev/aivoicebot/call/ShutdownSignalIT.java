package dev.aivoicebot.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.aivoicebot.PackagedApp;
import dev.aivoicebot.sim.CallIdentity;
import dev.aivoicebot.sim.CallRecording.CloseRecord;
import dev.aivoicebot.sim.CallRecording.ClosedBy;
import dev.aivoicebot.sim.CallerScript;
import dev.aivoicebot.sim.ConnectStreamTwiml;
import dev.aivoicebot.sim.SimulatedCall;
import dev.aivoicebot.sim.SimulatorConfig;
import dev.aivoicebot.sim.TwilioCallSimulator;
import dev.aivoicebot.sim.VoiceWebhookResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A real SIGTERM to the packaged application (jar, or the native binary) with calls in progress, as a rolling
 * deploy on Kubernetes or {@code systemctl stop} sends it: the replica stops taking calls at once but the calls
 * it has go on for {@code DRAIN_TIMEOUT}, then hear a goodbye, and every transcript says so; the process exits
 * within {@code DRAIN_TIMEOUT} plus the goodbye grace.
 */
class ShutdownSignalIT {

    private static final int CALLS = 5;
    private static final Duration DRAIN = Duration.ofSeconds(4);
    /** DRAIN_TIMEOUT + the goodbye grace + the shutdown after it: what Kubernetes and systemd must allow. */
    private static final Duration EXIT_LIMIT = DRAIN.plusMillis(CallSession.GOODBYE_GRACE_MS).plusSeconds(2);

    @Test
    void sigtermDrainsCallsSaysGoodbyeAndExitsInTime() throws Exception {
        try (PackagedApp app = PackagedApp.start(Map.of("DRAIN_TIMEOUT", DRAIN.toMillis() + "ms"));
                TwilioCallSimulator twilio = new TwilioCallSimulator(SimulatorConfig.of(app.baseUrl(),
                        PackagedApp.PUBLIC_BASE_URL, PackagedApp.AUTH_TOKEN))) {
            List<SimulatedCall> calls = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                calls.add(twilio.placeCall(CallerScript.builder().silence(200).thenSilenceUntilHangUp()));
            }
            for (SimulatedCall call : calls) {
                call.awaitAudio(4_000, Duration.ofSeconds(20)); // the greeting is playing
            }
            // A call Twilio put through just before the signal: its stream arrives during the drain.
            CallIdentity late = twilio.newCall();
            ConnectStreamTwiml lateTwiml = twilio.postVoiceWebhook(late).twiml();
            long[] heardBefore = calls.stream().mapToLong(SimulatedCall::receivedAudioBytes).toArray();

            long signalled = System.nanoTime();
            app.terminate();

            await("readiness reports DOWN", Duration.ofSeconds(2), () -> app.managementStatus("/q/health/ready") == 503);
            assertEquals(200, app.managementStatus("/q/health/live"), "liveness stays UP while draining");
            VoiceWebhookResponse busy = twilio.postVoiceWebhook(twilio.newCall());
            assertEquals(200, busy.status(), "a new call gets an answer while the replica drains");
            assertTrue(busy.body().contains("<Hangup/>") && !busy.body().contains("<Stream"),
                    () -> "busy TwiML expected, got " + busy.body());
            SimulatedCall refused = twilio.openStream(late, lateTwiml, CallerScript.builder().thenSilenceUntilHangUp());
            CloseRecord refusal = refused.awaitClose(Duration.ofSeconds(5));
            assertEquals(1013, refusal.code(), () -> "a stream opened while draining: " + refusal);

            sleepUntil(signalled + DRAIN.minusMillis(700).toNanos());
            for (SimulatedCall call : calls) {
                assertTrue(call.closeRecord().isEmpty(), () -> "a call was cut off during the drain: " + call.closeRecord());
            }

            for (int i = 0; i < CALLS; i++) {
                SimulatedCall call = calls.get(i);
                CloseRecord close = call.awaitClose(EXIT_LIMIT);
                assertEquals(ClosedBy.SERVICE, close.by());
                assertEquals(1000, close.code(), () -> "closed with " + close);
                assertTrue(call.receivedAudioBytes() > heardBefore[i] + 4_000,
                        "the caller heard a goodbye (at least 0.5 s of audio after the signal)");
            }
            int exitCode = app.awaitExit(EXIT_LIMIT.minusNanos(System.nanoTime() - signalled));
            long exitedAfterMs = (System.nanoTime() - signalled) / 1_000_000;
            assertNotEquals(-1, exitCode, "still running " + EXIT_LIMIT + " after SIGTERM");
            System.out.printf("SIGTERM with %d calls (%s): %d goodbyes, exit code %d after %d ms (DRAIN_TIMEOUT %d ms)%n",
                    CALLS, app.artifactType(), CALLS, exitCode, exitedAfterMs, DRAIN.toMillis());
            assertTrue(exitedAfterMs >= DRAIN.toMillis(), "exited before the drain time: calls were not given it");

            for (SimulatedCall call : calls) {
                String text = transcript(app.transcriptDir(), call.identity().callSid());
                assertTrue(text.endsWith("\n"), "the transcript's last line is complete");
                List<String> lines = text.lines().toList();
                assertTrue(lines.stream().anyMatch(l -> l.endsWith(" system: service shutting down; saying goodbye")),
                        () -> "no goodbye line in " + lines);
                assertTrue(lines.get(lines.size() - 1).contains(" system: call ended: shutdown"),
                        () -> "the last line must name the shutdown: " + lines);
            }
            String log = app.output();
            assertFalse(log.contains("Exception") || log.contains(" ERROR "), () -> "errors in the log:\n" + log);
        }
    }

    private static String transcript(Path dir, String callSid) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            // the transcript, not the call's details file beside it
            Path file = files.filter(f -> f.getFileName().toString().endsWith("_" + callSid + ".txt")).findFirst()
                    .orElseThrow(() -> new AssertionError("no transcript for " + callSid));
            return Files.readString(file);
        }
    }

    private static void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + limit + " waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }
}
