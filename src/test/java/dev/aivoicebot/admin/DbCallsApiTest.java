package dev.aivoicebot.admin;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.aivoicebot.store.InjectPostgres;
import dev.aivoicebot.store.TestPostgres;
import dev.aivoicebot.transcript.CallFileName;
import dev.aivoicebot.transcript.TranscriptLine;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The calls API over PostgreSQL (DB_URL set): calls are put on record exactly as for {@link FileCallsApiTest}, as
 * files in LOG_DIR, and the sync worker copies them; the API must answer from the database as the files backend
 * answers from the files.
 */
@QuarkusTest
@TestProfile(DatabaseArchiveTestProfile.class)
class DbCallsApiTest extends CallsApiContract {

    private static final Path DIR = DatabaseArchiveTestProfile.LOG_DIR;
    private static final Duration SYNCED = Duration.ofSeconds(20);

    @Inject
    AgroalDataSource database;

    @InjectPostgres
    TestPostgres postgres;

    @AfterEach
    void databaseUp() {
        postgres.ensureRunning();
    }

    /** Not in the contract: only this backend can be down while the service runs. */
    @Test
    void whileTheDatabaseIsDownTheApiSays503AndAnswersAgainWhenItIsBack() throws IOException {
        StoredCall call = StoredCall.startingAt(newDay().atTime(12, 0).toInstant(ZoneOffset.UTC)).says("hi")
                .ended("CALLER_HUNG_UP", "caller hung up");
        record(call);
        postgres.stopServer();
        for (String path : List.of("/api/calls", "/api/calls/" + call.callSid())) {
            api().get(path).then().statusCode(503).contentType("application/json").header("Retry-After", "5")
                    .body("error", equalTo("unavailable")).body("detail", not(containsString("Exception")));
        }
        postgres.startServer();
        api().get("/api/calls/" + call.callSid()).then().statusCode(200).body("endReason", equalTo("CALLER_HUNG_UP"));
    }

    /** Not in the contract: erasing a call (and the retention sweep, through the same eraser) removes its rows. */
    @Test
    void erasingACallRemovesItsRowsAndAFailedEraseSays503() throws IOException {
        StoredCall kept = StoredCall.startingAt(newDay().atTime(9, 0).toInstant(ZoneOffset.UTC)).says("keep me")
                .ended("CALLER_HUNG_UP", "caller hung up");
        StoredCall erased = StoredCall.startingAt(newDay().atTime(9, 5).toInstant(ZoneOffset.UTC)).says("forget me")
                .ended("CALLER_HUNG_UP", "caller hung up");
        record(kept);
        record(erased);
        postgres.stopServer();
        api().delete("/api/calls/" + erased.callSid()).then().statusCode(503).body("error", equalTo("unavailable"));
        postgres.startServer();
        api().delete("/api/calls/" + erased.callSid()).then().statusCode(204);
        assertEquals(List.of(0L, 0L, 0L), rows(erased.callSid().value()), "calls, call_lines, synced_transcripts");
        assertEquals(List.of(1L, (long) transcriptLines(kept.callSid().value()).size(), 1L), rows(kept.callSid().value()),
                "the other call is kept whole");
        sleepPastASyncPass();
        assertEquals(List.of(0L, 0L, 0L), rows(erased.callSid().value()), "the sync did not bring it back");
        api().get("/api/calls/" + erased.callSid()).then().statusCode(404);
    }

    private List<Long> rows(String callSid) {
        try (Connection db = database.getConnection()) {
            List<Long> counts = new java.util.ArrayList<>();
            for (String table : List.of("calls", "call_lines", "synced_transcripts")) {
                try (PreparedStatement select = db.prepareStatement("SELECT count(*) FROM " + table + " WHERE call_sid = ?")) {
                    select.setString(1, callSid);
                    try (ResultSet row = select.executeQuery()) {
                        row.next();
                        counts.add(row.getLong(1));
                    }
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleepPastASyncPass() {
        try {
            Thread.sleep(3_000); // DB_SYNC_INTERVAL is 200 ms here: later passes have run
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    void record(StoredCall call) throws IOException {
        call.writeTo(DIR);
        long deadline = System.nanoTime() + SYNCED.toNanos();
        while (!synced(call)) {
            if (System.nanoTime() > deadline) {
                fail("the sync did not copy " + call.callSid() + " to the database");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    List<TranscriptLine> transcriptLines(String callSid) throws IOException {
        return FileCallsApiTest.transcriptLines(DIR, callSid);
    }

    /** An ended call once its file is marked synced (details included); an unfinished one once all its lines are. */
    private boolean synced(StoredCall call) {
        String sql = call.details() != null ? "SELECT count(*) FROM synced_transcripts WHERE file_name = ?"
                : "SELECT count(*) FROM call_lines WHERE call_sid = ?";
        String key = call.details() != null ? new CallFileName(call.startedAt(), call.callSid()).base()
                : call.callSid().value();
        long expected = call.details() != null ? 1 : call.lines().size();
        try (Connection db = database.getConnection(); PreparedStatement select = db.prepareStatement(sql)) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() && row.getLong(1) >= expected;
            }
        } catch (SQLException e) {
            return false; // not migrated yet: the sync's first pass migrates
        }
    }
}
