package dev.aivoicebot.admin;

import static org.junit.jupiter.api.Assertions.fail;

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
import java.util.List;

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
