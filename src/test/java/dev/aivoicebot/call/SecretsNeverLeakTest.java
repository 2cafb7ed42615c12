package dev.aivoicebot.call;

import static dev.aivoicebot.call.CallHarness.WAIT;
import static dev.aivoicebot.call.CallHarness.await;
import static dev.aivoicebot.call.CallHarness.finishedTranscript;
import static dev.aivoicebot.call.CallHarness.newSession;
import static dev.aivoicebot.call.CallHarness.transcriptFile;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivoicebot.ManagementInterface;
import dev.aivoicebot.emulator.EmulatorRecorder;
import dev.aivoicebot.emulator.EmulatorSession;
import dev.aivoicebot.sim.CallIdentity;
import dev.aivoicebot.sim.CallerScript;
import dev.aivoicebot.sim.SimulatedCall;
import dev.aivoicebot.sim.TwilioCallSimulator;
import dev.aivoicebot.speech.FakeSpeechServerResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The suite runs with canary secrets (test config, plus this profile's). After provoking the paths most likely
 * to leak one (an upstream error quoting the key, hostile text in every field of an error event and in what
 * caller and assistant say, rejected signatures, a broken call), nothing the service wrote in this test run so
 * far — its log files, every transcript, the metrics and health output — contains a canary, and no newline from
 * outside started a line of its own.
 */
@QuarkusTest
@TestProfile(SecretsNeverLeakTest.EveryCanary.class)
class SecretsNeverLeakTest {

    static final String STREAM_SECRET = "canary-stream-secret-0c7d31aa9e";
    static final String VOICE_KEY = "canary-voice-key-3e81b0d4c2";
    static final String API_SECRET = "canary-api-secret-a6f29c07e5";
    /** Every secret this profile configures: OPENAI_API_KEY, TWILIO_AUTH_TOKEN, STREAM_TOKEN_SECRET, … */
    static final List<String> CONFIGURED = List.of(CallHarness.OPENAI_KEY, CallHarness.AUTH_TOKEN, STREAM_SECRET,
            VOICE_KEY, API_SECRET);
    private static final List<String> CANARIES = Stream.concat(CONFIGURED.stream(),
            Stream.of(FakeSpeechServerResource.CANARY_KEY)).toList();
    /** What a newline from outside would turn into a log line of its own, had it survived. */
    static final String FORGED = "2026-01-01 00:00:00,000 ERROR [fake] forged";

    /** The rest of the secrets the service knows, and a conversation that quotes them (see CanaryReplyScript). */
    public static class EveryCanary implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // A greeting "says" its long text in 1 s, so the caller below does not talk over it.
            return Map.of("speech.api-key", VOICE_KEY, "twilio.api-secret", API_SECRET, "emulator.tone-max", "1s");
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(CanaryReplyScript.class);
        }
    }

    @TestHTTPResource("/")
    URL base;

    @Inject
    EmulatorRecorder emulator;

    /** {@code prefix}, every configured secret (one split by a NUL, one by a bidi override), then a forged line. */
    static String hostile(String prefix) {
        String split = CallHarness.AUTH_TOKEN.substring(0, 10) + "\u0000" + CallHarness.AUTH_TOKEN.substring(10);
        String reversed = STREAM_SECRET.substring(0, 8) + "\u202e" + STREAM_SECRET.substring(8);
        return prefix + " " + String.join(", ", CONFIGURED) + " and " + split + " and " + reversed + "\r\n" + FORGED;
    }

    @Test
    void noCanarySecretAppearsAnywhereTheServiceWrites() {
        List<EmulatorSession> before = emulator.sessions();
        try (TwilioCallSimulator twilio = new TwilioCallSimulator(CallHarness.simulator(base.toString()))) {
            SimulatedCall call = twilio.placeCall(CallerScript.builder().silence(200).thenSilenceUntilHangUp());
            EmulatorSession session = newSession(emulator, before);
            await("the session is configured", () -> session.clientEventTypes().contains("session.update"));
            session.sendError("invalid_request_error", "invalid_api_key", "Incorrect API key provided: "
                    + CallHarness.OPENAI_KEY + ". Token " + CallHarness.AUTH_TOKEN);
            call.awaitClose(WAIT);
            finishedTranscript(call.identity().callSid());
        }
        given().formParam("CallSid", "CA" + "b".repeat(32)).header("X-Twilio-Signature", CallHarness.AUTH_TOKEN)
                .when().post("/voice").then().statusCode(403);

        assertNothingLeaked();
        assertTrue(serviceLogs().stream().anyMatch(log -> log.contains("assistant error invalid_api_key")),
                "the error itself was logged, redacted");
    }

    @Test
    void hostileTextInErrorsAndTranscriptsIsRedactedAndStaysOnItsLine() {
        List<EmulatorSession> before = emulator.sessions();
        String callSid;
        try (TwilioCallSimulator twilio = new TwilioCallSimulator(CallHarness.simulator(base.toString()))) {
            CallIdentity caller = twilio.newCall().withFrom(STREAM_SECRET).withTo(VOICE_KEY);
            SimulatedCall call = twilio.placeCall(caller, CallerScript.builder()
                    .silence(2500).speech(800).silence(1500).thenSilenceUntilHangUp());
            callSid = caller.callSid();
            EmulatorSession session = newSession(emulator, before);
            await("greeting and answer are generated", () -> session.responses().stream()
                    .filter(r -> "completed".equals(r.status())).count() >= 2);
            String hostile = hostile("error");
            session.sendError(hostile, hostile, hostile, hostile, hostile);
            await("the error and the caller's words are in the transcript", () -> transcriptFile(callSid)
                    .map(CallHarness::read).map(lines -> lines.stream().anyMatch(l -> l.contains(" system: assistant error "))
                            && lines.stream().anyMatch(l -> l.contains(" customer: "))).orElse(false));
            call.hangUp();
        }
        List<String> transcript = finishedTranscript(callSid);
        // A call site that forgot SafeText: the service's log filter still cleans what reaches the log.
        Logger.getLogger(SecretsNeverLeakTest.class).warnf(new IllegalStateException(hostile("thrown")),
                "careless: %s", hostile("logged raw"));

        assertNothingLeaked();
        for (String line : List.of(" customer: my keys are ", " assistant: hello, I know ", " assistant: you said ",
                " system: assistant error error ")) {
            assertTrue(transcript.stream().anyMatch(l -> l.contains(line) && l.contains("***") && l.contains(FORGED)),
                    () -> "redacted and folded onto one line: '" + line + "' in " + transcript);
        }
        assertTrue(transcript.get(0).contains("call started from *** to ***"), transcript.get(0));
        List<String> logLines = serviceLogs().stream().flatMap(String::lines).toList();
        assertTrue(logLines.stream().anyMatch(l -> l.contains("assistant error error ") && l.contains(FORGED)),
                "the error is logged on one line, redacted");
        assertTrue(logLines.stream().anyMatch(l -> l.contains("careless: logged raw sk-***, ***") && l.contains(FORGED)),
                "the log filter folded and redacted a raw message");
        assertTrue(logLines.stream().anyMatch(l -> l.contains("IllegalStateException: thrown sk-***, ***")
                && l.contains(FORGED)), "and the exception's message");
    }

    private void assertNothingLeaked() {
        List<String> places = new ArrayList<>();
        places.add(ManagementInterface.given().when().get("/q/metrics").asString());
        places.add(ManagementInterface.given().when().get("/q/health").asString());
        places.addAll(serviceLogs());
        places.addAll(writtenInThisRun(CallHarness.TRANSCRIPTS, ""));
        for (String written : places) {
            // Also with every space and invisible character removed: a secret split by one leaked all the same.
            String squeezed = written.replaceAll("[\\s\\p{Cc}\\p{Cf}\\u2028\\u2029]", "");
            for (String canary : CANARIES) {
                int at = written.indexOf(canary);
                assertTrue(at < 0, () -> "canary " + canary.substring(0, 6) + "… leaked: …"
                        + written.substring(Math.max(0, at - 120), Math.min(written.length(), at + 40)));
                assertFalse(squeezed.contains(canary), () -> "canary " + canary.substring(0, 6) + "… leaked, split");
            }
            assertTrue(written.lines().noneMatch(line -> line.startsWith(FORGED)),
                    "a newline from outside started a line of its own");
        }
    }

    /** The service's log files of this run: each restart of the application rotates the file. */
    private static List<String> serviceLogs() {
        return writtenInThisRun(Path.of("target"), "test-service.log");
    }

    /** Files in {@code dir} named {@code prefix…} written since this JVM started (earlier runs' are not ours). */
    private static List<String> writtenInThisRun(Path dir, String prefix) {
        long startedAt = ManagementFactory.getRuntimeMXBean().getStartTime();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix))
                    .filter(f -> f.toFile().lastModified() >= startedAt).map(SecretsNeverLeakTest::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
