package dev.aivoicebot.outbound;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.aivoicebot.twilio.rest.FakeTwilioRest;
import dev.aivoicebot.twilio.rest.FakeTwilioRestResource;
import dev.aivoicebot.twilio.rest.InjectFakeTwilioRest;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assertions;

/**
 * Outbound calls enabled but no Twilio credentials: {@code POST /calls} is 503 saying why, and nothing is sent.
 * The key budget is 2 calls per period here: the third authenticated request is 429, with Retry-After.
 */
@QuarkusTest
@TestProfile(OutboundOffTest.EnabledWithoutCredentials.class)
@WithTestResource(value = FakeTwilioRestResource.class, initArgs = @ResourceArg(name = "credentials", value = "none"))
class OutboundOffTest {

    static final String KEY = "calls-api-key-canary-off-31c7";

    public static class EnabledWithoutCredentials implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("outbound.enabled", "true", "outbound.api-key", KEY, "outbound.allowed", "+1555*",
                    "outbound.from", "+15550199", "outbound.rate-limit-requests", "2",
                    "outbound.rate-limit-period", "1h");
        }
    }

    @InjectFakeTwilioRest
    FakeTwilioRest rest;

    @Test
    void withoutCallControlACallIsRefusedWith503AndThenTheKeysBudgetRunsOut() {
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", "Bearer " + KEY).contentType("application/json")
                    .body("{\"to\": \"+15550123\"}").when().post("/calls").then().statusCode(503)
                    .contentType("application/json").body("error.code", equalTo("call_control_off"))
                    .body("error.message", containsString("TWILIO_ACCOUNT_SID"));
        }
        given().header("Authorization", "Bearer " + KEY).contentType("application/json")
                .body("{\"to\": \"+15550123\"}").when().post("/calls").then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("error.code", equalTo("rate_limited"));
        // A wrong key is refused as such, and does not touch the key's budget's answer.
        given().header("Authorization", "Bearer nope").contentType("application/json")
                .body("{\"to\": \"+15550123\"}").when().post("/calls").then().statusCode(401);
        Assertions.assertEquals(List.of(), rest.received());
    }
}
