package dev.aivoicebot.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivoicebot.sim.CallerScript;
import dev.aivoicebot.sim.SimulatedCall;
import dev.aivoicebot.sim.SimulatorConfig;
import dev.aivoicebot.sim.TwilioCallSimulator;
import dev.aivoicebot.transcript.CallFileName;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code DELETE /api/calls/{callSid}}: a caller's request to be forgotten. The call's transcript, its details and its
 * undelivered event go, and the API no longer knows it; only with the key, only for a call that has ended.
 */
@QuarkusTest
@TestProfile(ArchiveTestProfile.class)
class CallEraseTest {

    private static final Path DIR = ArchiveTestProfile.LOG_DIR;

    @TestHTTPResource("/")
    URL base;

    @Test
    void eraseRemovesTheFilesAndTheOutboxEntryAndTheApiForgetsTheCall() throws IOException {
        StoredCall call = StoredCall.startingAt(Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.MILLIS))
                .says("my date of birth is 01/02/1980").answers("Thanks.").ended("CALLER_HUNG_UP", "caller hung up");
        call.writeTo(DIR);
        CallFileName name = new CallFileName(call.startedAt(), call.callSid());
        // its event, not yet delivered, named as the outbox names a pending entry (docs/events.md)
        Path entry = Files.createDirectories(DIR.resolve("outbox/pending")).resolve(name.base() + ".2.0.json");
        Files.writeString(entry, "{\"type\":\"call.ended\"}");
        String sid = call.callSid().value();
        CallsApiContract.api().get("/api/calls/" + sid).then().statusCode(200);

        given().delete("/api/calls/" + sid).then().statusCode(401).body("error", equalTo("unauthorized"));
        given().header("Authorization", "Bearer wrong-key").delete("/api/calls/" + sid).then().statusCode(401);
        assertTrue(Files.exists(name.transcript(DIR)), "nothing erased without the key");

        CallsApiContract.api().delete("/api/calls/" + sid).then().statusCode(204);

        assertFalse(Files.exists(name.transcript(DIR)), "transcript");
        assertFalse(Files.exists(name.details(DIR)), "details");
        assertFalse(Files.exists(entry), "outbox entry");
        CallsApiContract.api().get("/api/calls/" + sid).then().statusCode(404);
        CallsApiContract.api().delete("/api/calls/" + sid).then().statusCode(404).body("error", equalTo("not_found"));
    }

    @Test
    void aBadCallSidIs400AndALiveCallIs409() throws IOException {
        CallsApiContract.api().delete("/api/calls/CA123").then().statusCode(400).body("parameter", equalTo("callSid"));
        CallsApiContract.api().delete("/api/calls/../../etc/passwd").then().statusCode(404);
        try (TwilioCallSimulator twilio = new TwilioCallSimulator(SimulatorConfig.of(base.toString(),
                "https://voice.example.test", "canary-twilio-token-5f0e2b7c"))) {
            SimulatedCall call = twilio.placeCall(CallerScript.builder().silence(1000).thenSilenceUntilHangUp());
            String sid = call.identity().callSid();
            awaitLive(sid);
            CallsApiContract.api().delete("/api/calls/" + sid).then().statusCode(409)
                    .body("error", equalTo("call_in_progress"));
            call.hangUp();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            int status;
            do {
                status = CallsApiContract.api().delete("/api/calls/" + sid).then().extract().statusCode();
                sleep();
            } while (status == 409 && System.nanoTime() < deadline);
            assertEquals(204, status, "erased once it has ended");
        }
    }

    @Test
    void aCallWithNoEndIsRefusedWhileItsLinesAreRecentAndErasedOnceQuiet() throws IOException {
        StoredCall elsewhere = StoredCall.startingAt(Instant.now().minusSeconds(20).truncatedTo(ChronoUnit.MILLIS))
                .says("still talking on another replica").unfinished();
        StoredCall crashed = StoredCall.startingAt(Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.MILLIS))
                .says("cut off by a crash").unfinished();
        elsewhere.writeTo(DIR);
        crashed.writeTo(DIR);
        CallsApiContract.api().delete("/api/calls/" + elsewhere.callSid()).then().statusCode(409);
        CallsApiContract.api().delete("/api/calls/" + crashed.callSid()).then().statusCode(204);
        assertFalse(Files.exists(new CallFileName(crashed.startedAt(), crashed.callSid()).transcript(DIR)));
    }

    private static void awaitLive(String sid) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (CallsApiContract.api().get("/api/calls/" + sid).then().extract().statusCode() != 200
                || !CallsApiContract.api().get("/api/calls/" + sid).then().extract().jsonPath().getBoolean("live")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("call " + sid + " never went live");
            }
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
