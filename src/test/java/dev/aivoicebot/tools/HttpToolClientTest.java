package dev.aivoicebot.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The signature as a business checks it: what it accepts and what it turns away. */
class HttpToolClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "a-shared-secret-0123";

    @Test
    void withoutASecretNoSignatureIsSent() throws Exception {
        try (FakeBusinessServer business = new FakeBusinessServer(Optional.empty())) {
            String output = call(new HttpToolClient(JSON, Optional.empty(), Clock.systemUTC()), business);
            assertEquals("We are open until 10 pm. Tschüss!", output);
            assertFalse(business.received().get(0).headers().containsKey("x-voice-bot-signature"));
        }
    }

    @Test
    void aSignatureWithTheWrongSecretOrTooOldIsTurnedAway() throws Exception {
        try (FakeBusinessServer business = new FakeBusinessServer(Optional.of(SECRET))) {
            assertEquals("We are open until 10 pm. Tschüss!", call(new HttpToolClient(JSON, Optional.of(SECRET),
                    Clock.systemUTC()), business));

            ToolFailure forged = assertThrows(ToolFailure.class, () -> call(new HttpToolClient(JSON,
                    Optional.of("another-secret-4567"), Clock.systemUTC()), business));
            assertEquals("its server answered HTTP 401", forged.reason());

            Clock sixMinutesAgo = Clock.fixed(Instant.now().minus(Duration.ofMinutes(6)), ZoneOffset.UTC);
            assertThrows(ToolFailure.class, () -> call(new HttpToolClient(JSON, Optional.of(SECRET), sixMinutesAgo), business));

            assertEquals(List.of(List.of(), List.of("signature does not match"), List.of("signature too old")),
                    business.received().stream().map(FakeBusinessServer.Received::problems).toList());
        }
    }

    private static String call(HttpToolClient client, FakeBusinessServer business) throws Exception {
        HttpTool tool = new HttpTool("opening_hours", "Opening hours.", ParameterSchemas.none(),
                URI.create(business.url("/text")), Map.of(), Optional.empty());
        return client.call(tool, Duration.ofSeconds(5), JSON.createObjectNode(), ToolRunnerTest.CALL);
    }
}
