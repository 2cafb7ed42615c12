package dev.aivoicebot.call;

import static dev.aivoicebot.call.CallHarness.await;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivoicebot.events.FakeEventReceiver;
import dev.aivoicebot.events.FakeEventReceiverResource;
import dev.aivoicebot.events.InjectFakeEventReceiver;
import dev.aivoicebot.sim.CallerScript;
import dev.aivoicebot.sim.SimulatedCall;
import dev.aivoicebot.store.PostgresResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A card number said in a whole call, with every sink on (LOG_DIR, PostgreSQL, the calls API and the business
 * webhook): none of them ever holds it, each holds only its last four digits. The console shows what the API
 * answers. Masking happens once, before the transcript line is written; this checks that nothing reads around it.
 */
@QuarkusTest
@TestProfile(CardNumbersInEverySinkTest.EverySink.class)
class CardNumbersInEverySinkTest extends DialingTest {

    private static final String ADMIN_KEY = "canary-admin-key-sinks-7d20c4";
    private static final List<String> CARDS = List.of("4111111111111111", "5555555555554444");

    public static class EverySink implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // The greeting "says" its text in 1 s, so the caller below does not talk over it.
            return Map.of("emulator.tone-max", "1s", "admin.api-key", ADMIN_KEY);
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(CardReplyScript.class);
        }

        @Override
        public List<TestResourceEntry> testResources() {
            // The receiver's resource gives the service a LOG_DIR of its own, read below through transcript.dir.
            return List.of(new TestResourceEntry(PostgresResource.class),
                    new TestResourceEntry(FakeEventReceiverResource.class));
        }
    }

    @InjectFakeEventReceiver
    FakeEventReceiver receiver;

    @Inject
    AgroalDataSource database;

    @ConfigProperty(name = "transcript.dir")
    Path logDir;

    @Test
    void aSpokenCardNumberReachesNoSink() throws IOException {
        SimulatedCall call = twilio.placeCall(CallerScript.builder()
                .silence(8000).speech(800).silence(1500).thenSilenceUntilHangUp());
        String sid = call.identity().callSid();
        await("the caller's words are in the transcript", () -> file(sid, ".txt")
                .map(CardNumbersInEverySinkTest::read).filter(text -> text.contains(" customer: ")).isPresent());
        call.hangUp();

        await("the call's details are written", () -> file(sid, ".json").isPresent());
        await("the business got the call", () -> !receiver.receivedFor(sid).isEmpty());
        await("the database has the ended call", () -> given().header("Authorization", "Bearer " + ADMIN_KEY)
                .get("/api/calls/" + sid).then().extract().path("endedAt") != null);

        Map<String, String> sinks = Map.of(
                "transcript file", read(file(sid, ".txt").orElseThrow()),
                "details file", read(file(sid, ".json").orElseThrow()),
                "webhook", new String(receiver.receivedFor(sid).get(0).body(), StandardCharsets.UTF_8),
                "calls API (and the console)", given().header("Authorization", "Bearer " + ADMIN_KEY)
                        .get("/api/calls/" + sid).then().statusCode(200).extract().asString(),
                "database", rows(sid));
        sinks.forEach((sink, text) -> {
            String digitsOnly = text.replaceAll("[^0-9]", "");
            for (String card : CARDS) {
                assertFalse(digitsOnly.contains(card), () -> "card " + card + " reached the " + sink + ": " + text);
            }
            // The details file holds no lines, only the summary (the emulator's does not repeat the card).
            assertTrue(sink.equals("details file") || text.contains("[card ending 1111]") && text.contains("[card ending 4444]"),
                    () -> "the " + sink + " lacks the masked card: " + text);
        });
    }

    private Optional<Path> file(String sid, String suffix) {
        try (Stream<Path> files = Files.list(logDir)) {
            return files.filter(f -> f.getFileName().toString().endsWith("_" + sid + suffix)).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every text column the store keeps of the call, its lines and its row. */
    private String rows(String sid) {
        StringBuilder text = new StringBuilder();
        try (Connection db = database.getConnection(); Statement select = db.createStatement()) {
            // The CallSid is validated (CA + 32 hex) before it reaches here, so it can be inlined.
            try (ResultSet row = select.executeQuery("SELECT text FROM call_lines WHERE call_sid = '" + sid + "'")) {
                while (row.next()) {
                    text.append(row.getString(1)).append('\n');
                }
            }
            try (ResultSet row = select.executeQuery(
                    "SELECT coalesce(summary, '') || ' ' || coalesce(outcome::text, '') FROM calls WHERE call_sid = '" + sid + "'")) {
                while (row.next()) {
                    text.append(row.getString(1)).append('\n');
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return text.toString();
    }
}
