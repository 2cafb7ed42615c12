package dev.aivoicebot;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What an operator's probes and scraper see. */
@QuarkusTest
class HealthAndMetricsTest {

    @Test
    void livenessAndReadinessAreUp() {
        ManagementInterface.given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        ManagementInterface.given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    /** Only the management interface serves them: the public port (the one the Ingress exposes) has no /q/. */
    @Test
    void healthAndMetricsAreNotOnThePublicPort() {
        for (String path : new String[] {"/q/health/live", "/q/health/ready", "/q/health", "/q/metrics"}) {
            given().when().get(path).then().statusCode(404);
        }
    }

    @Test
    void requestsAreCountedInThePrometheusFormat() {
        given().formParam("CallSid", "CA0123456789abcdef0123456789abcdef").when().post("/voice")
                .then().statusCode(403);

        ManagementInterface.given().accept("text/plain").when().get("/q/metrics").then().statusCode(200)
                .contentType(containsString("text/plain"))
                .body(containsString("http_server_requests_seconds_count{"))
                .body(containsString("status=\"403\",uri=\"/voice\""));
    }

    /** The dashboard's transfer panel has a series to show even where no transfer target is configured. */
    @Test
    void transfersAreCountedFromZero() {
        ManagementInterface.given().accept("text/plain").when().get("/q/metrics").then().statusCode(200)
                .body(containsString("calls_transfers_total{outcome=\"unknown-target\",target=\"unknown\",} 0.0"));
    }

    /** Recording outcomes are counted from zero too, whether or not RECORDING is on. */
    @Test
    void recordingsAreCountedFromZero() {
        ManagementInterface.given().accept("text/plain").when().get("/q/metrics").then().statusCode(200)
                .body(containsString("calls_recordings_total{outcome=\"start-failed\",} 0.0"));
    }

    /** Outbound calls and voicemail detections are counted from zero too, whether or not outbound calls are on. */
    @Test
    void outboundCallsAreCountedFromZero() {
        ManagementInterface.given().accept("text/plain").when().get("/q/metrics").then().statusCode(200)
                .body(containsString("calls_outbound_total{outcome=\"no-answer\",} 0.0"))
                .body(containsString("calls_voicemail_total{action=\"message\",} 0.0"));
    }

    /** Call events are counted from zero too, whether or not CALL_EVENTS_URL is set. */
    @Test
    void callEventsAreCountedFromZero() {
        ManagementInterface.given().accept("text/plain").when().get("/q/metrics").then().statusCode(200)
                .body(containsString("call_events_total{outcome=\"dead\",} 0.0"))
                .body(containsString("call_events_pending 0.0"));
    }
}
