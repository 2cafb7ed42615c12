package dev.aivoicebot.speech;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Without an OpenAI key the endpoint says so plainly (503) and calls nobody. */
@QuarkusTest
@WithTestResource(value = FakeSpeechServerResource.class, initArgs = @ResourceArg(name = "openai.api-key", value = ""))
class GenerateVoiceWithoutOpenAiKeyTest {

    @InjectFakeSpeechServer
    FakeSpeechServer fake;

    @Test
    void answers503WithAClearMessage() {
        fake.reset(FakeSpeechScript.audio(1, 10, Duration.ZERO));

        given().contentType(ContentType.JSON).body("{\"text\":\"Hello\"}")
                .when().post("/generate-voice")
                .then().statusCode(503).contentType(ContentType.JSON)
                .body("error.code", equalTo("not_configured"))
                .body("error.message", containsString("OPENAI_API_KEY"));

        assertEquals(List.of(), fake.received());
    }
}
