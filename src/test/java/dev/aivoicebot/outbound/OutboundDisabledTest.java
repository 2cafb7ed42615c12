package dev.aivoicebot.outbound;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Outbound calls are off by default: {@code /calls} is a 404 that says so, key or not. */
@QuarkusTest
class OutboundDisabledTest {

    @Test
    void byDefaultThereAreNoOutboundCalls() {
        given().header("Authorization", "Bearer anything").contentType("application/json")
                .body("{\"to\": \"+15550123\"}").when().post("/calls").then().statusCode(404)
                .contentType("application/json").body("error.code", equalTo("disabled"));
        given().when().get("/calls/CA0123456789abcdef0123456789abcdef/status").then().statusCode(404)
                .body("error.code", equalTo("disabled"));
    }
}
