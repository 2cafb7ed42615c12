package dev.aivoicebot.speech;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GENERATE_VOICE_ENABLED=false switches the endpoint off: 404, and OpenAI is never called. */
@QuarkusTest
@WithTestResource(value = FakeSpeechServerResource.class, initArgs = @ResourceArg(name = "speech.enabled", value = "false"))
class GenerateVoiceDisabledTest {

    @InjectFakeSpeechServer
    FakeSpeechServer fake;

    @Test
    void answers404() {
        fake.reset(FakeSpeechScript.audio(1, 10, Duration.ZERO));

        given().contentType(ContentType.JSON).body("{\"text\":\"Hello\"}")
                .when().post("/generate-voice")
                .then().statusCode(404).contentType(ContentType.JSON)
                .body("error.code", equalTo("disabled"));

        assertEquals(List.of(), fake.received());
    }
}
