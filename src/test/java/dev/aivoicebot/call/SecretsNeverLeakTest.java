package dev.aivoicebot.call;

import dev.aivoicebot.ManagementInterface;
import static dev.aivoicebot.call.CallHarness.WAIT;
import static dev.aivoicebot.call.CallHarness.await;
import static dev.aivoicebot.call.CallHarness.finishedTranscript;
import static dev.aivoicebot.call.CallHarness.newSession;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivoicebot.emulator.EmulatorSession;
import dev.aivoicebot.emulator.RealtimeEmulator;
import dev.aivoicebot.sim.CallerScript;
import dev.aivoicebot.sim.SimulatedCall;
import dev.aivoicebot.sim.TwilioCallSimulator;
import dev.aivoicebot.speech.FakeSpeechServerResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The suite runs with canary secrets (test config). After provoking the paths most likely to leak one (an
 * upstream error quoting the key, rejected signatures, a broken call), nothing the service wrote — its log
 * file for the whole test run so far, every transcript, the metrics and health output — contains a canary.
 */
@QuarkusTest
class SecretsNeverLeakTest {

    private static final List<String> CANARIES = List.of(CallHarness.OPENAI_KEY, CallHarness.AUTH_TOKEN,
            "canary-stream-secret-0c7d31aa9e", FakeSpeechServerResource.CANARY_KEY);

    @TestHTTPResource("/")
    URL base;

    @Inject
    RealtimeEmulator emulator;

    @Test
    void noCanarySecretAppearsAnywhereTheServiceWrites() throws IOException {
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

        List<String> places = new ArrayList<>();
        places.add(ManagementInterface.given().when().get("/q/metrics").asString());
        places.add(ManagementInterface.given().when().get("/q/health").asString());
        places.add(Files.readString(Path.of("target/test-service.log")));
        try (Stream<Path> transcripts = Files.list(CallHarness.TRANSCRIPTS)) {
            for (Path transcript : transcripts.toList()) {
                places.add(Files.readString(transcript));
            }
        }
        for (String canary : CANARIES) {
            for (String written : places) {
                int at = written.indexOf(canary);
                assertTrue(at < 0, () -> "canary " + canary.substring(0, 6) + "… leaked: …"
                        + written.substring(Math.max(0, at - 120), Math.min(written.length(), at + 40)));
            }
        }
        assertTrue(places.get(2).contains("assistant error invalid_api_key"), "the error itself was logged, redacted");
    }
}
