package dev.aivoicebot.store;

import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.aivoicebot.ManagementInterface;
import dev.aivoicebot.metrics.MetricsScrape;
import dev.aivoicebot.safety.CallSid;
import dev.aivoicebot.sim.CallerScript;
import dev.aivoicebot.sim.SimulatedCall;
import dev.aivoicebot.sim.SimulatorConfig;
import dev.aivoicebot.sim.TwilioCallSimulator;
import dev.aivoicebot.transcript.CallFileName;
import dev.aivoicebot.transcript.TranscriptLine;
import dev.aivoicebot.transcript.TranscriptStore;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whole calls through the Twilio simulator and the emulator, with DB_URL pointing at a real PostgreSQL: every call
 * ends up as a row and its lines, equal to its transcript file, even when the database is stopped mid-call.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class DatabaseStoreTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/")
    URL base;

    @InjectPostgres
    TestPostgres postgres;

    @Inject
    TranscriptStore transcripts;

    @ConfigProperty(name = "twilio.public-base-url")
    String publicBaseUrl;

    @ConfigProperty(name = "twilio.auth-token")
    String authToken;

    TwilioCallSimulator twilio;

    @BeforeEach
    void dial() {
        twilio = new TwilioCallSimulator(SimulatorConfig.of(base.toString(), publicBaseUrl, authToken));
    }

    @AfterEach
    void hangUp() {
        twilio.close();
        postgres.ensureRunning();
    }

    @Test
    void aWholeCallEndsUpAsARowAndItsLinesEqualToTheFile() {
        SimulatedCall call = twilio.placeCall(CallerScript.builder().silence(1500).speech(1000).silence(2500)
                .thenSilenceUntilHangUp());
        await("the answer is transcribed", () -> lines(call).size() >= 4);
        call.hangUp();
        CallSid sid = new CallSid(call.identity().callSid());
        await("the call's row is complete", () -> endReason(sid) != null);

        assertEquals(fileTexts(sid), storedTexts(sid), "every line, in order, as the file has it");
        assertEquals("CALLER_HUNG_UP", endReason(sid));
        assertEquals(List.of(call.identity().from(), call.identity().to()), numbers(sid));
    }

    @Test
    void whenTheDatabaseStopsMidCallTheCallGoesOnAndNoLineIsMissingOnceItIsBack() {
        MetricsScrape before = MetricsScrape.now();
        SimulatedCall call = twilio.placeCall(CallerScript.builder().silence(1500).speech(1000).silence(2500)
                .speech(1000).silence(2500).thenSilenceUntilHangUp());
        CallSid sid = new CallSid(call.identity().callSid());
        await("the call's first lines are stored", () -> storedTexts(sid).size() >= 2);

        postgres.stopServer();
        int stored = lines(call).size();
        await("the call goes on: both answers are transcribed", () -> lines(call).size() >= stored + 3);
        call.hangUp();
        await("the call has ended", () -> Files.exists(name(sid).orElseThrow().details(transcripts.dir())));
        await("the sync counts what waits", () -> MetricsScrape.now().value("db_sync_lag_lines") > 0);
        ManagementInterface.given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
        assertTrue(MetricsScrape.now().delta(before, "db_sync_errors_total") > 0, "failed passes are counted");
        assertTrue(call.problems().isEmpty(), () -> "the call was not disturbed: " + call.problems());

        postgres.startServer();
        await("the call's row is complete", () -> endReason(sid) != null);
        assertEquals(fileTexts(sid), storedTexts(sid), "0 lines missing");
        await("no lag left", () -> MetricsScrape.now().value("db_sync_lag_lines") == 0);
    }

    private List<String> lines(SimulatedCall call) {
        Optional<CallFileName> name = name(new CallSid(call.identity().callSid()));
        try {
            return name.isPresent() ? Files.readAllLines(name.get().transcript(transcripts.dir())) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<CallFileName> name(CallSid sid) {
        try (Stream<Path> files = Files.list(transcripts.dir())) {
            return files.map(CallFileName::of).flatMap(Optional::stream).filter(n -> n.callSid().equals(sid))
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> fileTexts(CallSid sid) {
        try {
            return Files.readAllLines(name(sid).orElseThrow().transcript(transcripts.dir())).stream()
                    .map(l -> TranscriptLine.parse(l).orElseThrow().text()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> storedTexts(CallSid sid) {
        return query("SELECT text FROM call_lines WHERE call_sid = ? ORDER BY leg_started_at, seq", sid);
    }

    private String endReason(CallSid sid) {
        List<String> reason = query("SELECT end_reason FROM calls WHERE call_sid = ?", sid);
        return reason.isEmpty() ? null : reason.get(0);
    }

    private List<String> numbers(CallSid sid) {
        List<String> from = query("SELECT from_number FROM calls WHERE call_sid = ?", sid);
        List<String> to = query("SELECT to_number FROM calls WHERE call_sid = ?", sid);
        return List.of(from.get(0), to.get(0));
    }

    /** The first column of every row; nothing while the database is down or not migrated yet. */
    private List<String> query(String sql, CallSid sid) {
        List<String> values = new ArrayList<>();
        try (Connection db = postgres.connect(); PreparedStatement select = db.prepareStatement(sql)) {
            select.setString(1, sid.value());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            return List.of();
        }
        return values;
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting until " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting until " + what);
            }
        }
    }
}
