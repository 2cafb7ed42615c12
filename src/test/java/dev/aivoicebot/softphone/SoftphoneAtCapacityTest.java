package dev.aivoicebot.softphone;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aivoicebot.TestProfiles;
import dev.aivoicebot.call.CallRegistry;
import dev.aivoicebot.metrics.MetricsScrape;
import dev.aivoicebot.sim.CallerScript;
import dev.aivoicebot.sim.SimulatorConfig;
import dev.aivoicebot.sim.TwilioCallSimulator;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** A demo call is admitted like a phone call: with every line busy the page gets a clear 503. */
@QuarkusTest
@TestProfile(TestProfiles.OneLine.class)
class SoftphoneAtCapacityTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    CallRegistry calls;

    @Test
    void busyWhileAPhoneCallHoldsTheOnlyLine() throws InterruptedException {
        try (TwilioCallSimulator twilio = new TwilioCallSimulator(SimulatorConfig.of(base.toString(),
                "https://voice.example.test", "canary-twilio-token-5f0e2b7c"))) {
            twilio.placeCall(CallerScript.builder().silence(200).thenSilenceUntilHangUp());
            awaitActive(1);
            MetricsScrape before = MetricsScrape.now();
            given().post("/phone/calls").then().statusCode(503).contentType(containsString("json"))
                    .body("error", containsString("busy"));
            assertEquals(1, MetricsScrape.now().delta(before, "calls_rejected_total", "reason=\"capacity\""),
                    "a demo call turned away is counted like a phone call");
        }
        awaitActive(0);
        given().post("/phone/calls").then().statusCode(200);
    }

    private void awaitActive(int count) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (calls.activeCount() != count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("active calls never became " + count);
            }
            Thread.sleep(20);
        }
    }
}
