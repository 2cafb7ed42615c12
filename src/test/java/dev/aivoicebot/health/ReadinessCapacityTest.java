package dev.aivoicebot.health;


import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aivoicebot.ManagementInterface;
import dev.aivoicebot.TestProfiles;
import dev.aivoicebot.call.CallRegistry;
import dev.aivoicebot.call.ServiceState;
import dev.aivoicebot.call.ServiceStates;
import dev.aivoicebot.metrics.MetricsScrape;
import dev.aivoicebot.sim.CallerScript;
import dev.aivoicebot.sim.SimulatedCall;
import dev.aivoicebot.sim.SimulatorConfig;
import dev.aivoicebot.sim.TwilioCallSimulator;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The probe's wiring: a full replica and a draining one report DOWN, saying why. Its own app (one call max). */
@QuarkusTest
@TestProfile(ReadinessCapacityTest.OneLineToDrain.class)
class ReadinessCapacityTest {

    /** One line, in an application of its own: this test drains it for good. */
    public static class OneLineToDrain extends TestProfiles.OneLine {
    }

    @TestHTTPResource("/")
    URL base;

    @Inject
    CallRegistry calls;

    @Inject
    ServiceState state;

    @Test
    void downWhileFullThenUpThenDownForGoodWhileDraining() throws Exception {
        try (TwilioCallSimulator twilio = new TwilioCallSimulator(SimulatorConfig.of(base.toString(),
                "https://voice.example.test", "canary-twilio-token-5f0e2b7c"))) {
            SimulatedCall call = twilio.placeCall(CallerScript.builder().silence(200).thenSilenceUntilHangUp());
            awaitActive(1);
            ManagementInterface.given().get("/q/health/ready").then().statusCode(503)
                    .body("status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'calls' }.data.activeCalls", equalTo(1))
                    .body("checks.find { it.name == 'calls' }.data.reason", containsString("at capacity: 1 of 1"));
            assertEquals(0, MetricsScrape.now().value("service_ready"));
            ManagementInterface.given().get("/q/health/live").then().statusCode(200);

            call.hangUp();
            awaitActive(0);
            ManagementInterface.given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            assertEquals(1, MetricsScrape.now().value("service_ready"));
        }

        ServiceStates.startDraining(state); // as shutdown does; this app instance is not used after this test
        ManagementInterface.given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'calls' }.data.draining", equalTo(true))
                .body("checks.find { it.name == 'calls' }.data.reason", containsString("draining"));
        ManagementInterface.given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    private void awaitActive(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (calls.activeCount() != count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("active calls never became " + count);
            }
            Thread.sleep(20);
        }
    }
}
