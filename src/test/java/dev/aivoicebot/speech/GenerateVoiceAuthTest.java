package dev.aivoicebot.speech;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** With GENERATE_VOICE_API_KEY set, only bearers of that key reach OpenAI, and they never see it forwarded. */
@QuarkusTest
@WithTestResource(value = FakeSpeechServerResource.class,
        initArgs = @ResourceArg(name = "speech.api-key", value = GenerateVoiceAuthTest.ENDPOINT_KEY))
class GenerateVoiceAuthTest {

    static final String ENDPOINT_KEY = "endpoint-key-4b1d";

    @InjectFakeSpeechServer
    FakeSpeechServer fake;

    @BeforeEach
    void reset() {
        fake.reset(FakeSpeechScript.audio(1, 100, Duration.ZERO));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Bearer", "Bearer wrong-key", "Bearer endpoint-key-4b1", "Basic ZW5kcG9pbnQta2V5LTRiMWQ=",
            ENDPOINT_KEY})
    void refusesMissingOrWrongCredentialsWith401(String authorization) {
        RequestSpecification request = given().contentType(ContentType.JSON).body("{\"text\":\"Hello\"}");
        if (!authorization.isEmpty()) {
            request.header("Authorization", authorization);
        }
        request.when().post("/generate-voice")
                .then().statusCode(401).contentType(ContentType.JSON)
                .header("WWW-Authenticate", "Bearer realm=\"generate-voice\"")
                .body("error.code", equalTo("unauthorized"));

        assertEquals(List.of(), fake.received());
    }

    @Test
    void checksTheKeyBeforeLookingAtTheBody() {
        given().contentType(ContentType.JSON).body("{not json")
                .when().post("/generate-voice")
                .then().statusCode(401);
    }

    @Test
    void letsTheKeyHolderThroughAndSendsOpenAiItsOwnKey() {
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + ENDPOINT_KEY).body("{\"text\":\"Hello\"}")
                .when().post("/generate-voice")
                .then().statusCode(200).header("Content-Type", "audio/mpeg");

        assertEquals("Bearer " + FakeSpeechServerResource.CANARY_KEY, fake.received().get(0).authorization());
    }

    @Test
    void acceptsTheSchemeInAnyCase() {
        given().contentType(ContentType.JSON).header("Authorization", "bearer " + ENDPOINT_KEY).body("{\"text\":\"Hello\"}")
                .when().post("/generate-voice")
                .then().statusCode(200);
    }
}
