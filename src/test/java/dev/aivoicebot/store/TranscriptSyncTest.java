package dev.aivoicebot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivoicebot.safety.CallSid;
import dev.aivoicebot.transcript.CallDetails;
import dev.aivoicebot.transcript.CallDetailsFile;
import dev.aivoicebot.transcript.CallFileName;
import dev.aivoicebot.transcript.Speaker;
import dev.aivoicebot.transcript.TranscriptLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The sync against a real PostgreSQL, with transcript files written as the service writes them: every line ends up
 * in the tables exactly once, through outages, restarts and repeated passes.
 */
class TranscriptSyncTest {

    private static final Instant START = Instant.parse("2026-11-24T10:15:30.123Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestPostgres postgres;
    private static PGSimpleDataSource database;

    @TempDir
    Path dir;

    @BeforeAll
    static void startDatabase() {
        postgres = TestPostgres.start();
        database = new PGSimpleDataSource();
        database.setURL(postgres.jdbcUrl());
        database.setUser(TestPostgres.USER);
        database.setPassword(TestPostgres.PASSWORD);
        database.setConnectTimeout(2);
        Flyway.configure().dataSource(database).load().migrate();
    }

    @AfterAll
    static void stopDatabase() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @BeforeEach
    void emptyTables() throws SQLException {
        try (Connection db = postgres.connect(); Statement statement = db.createStatement()) {
            statement.execute("TRUNCATE calls, call_lines, synced_transcripts");
        }
    }

    @Test
    void anEndedCallIsStoredWholeAndItsFileMarkedSynced() throws Exception {
        CallFileName leg = leg(START, "CA00000000000000000000000000000001");
        List<TranscriptLine> lines = append(leg, 5);
        CallDetails details = end(leg, ended -> new CallDetails(leg.callSid().value(), "inbound", "+15550100",
                "+15550199", null, leg.startedAt(), ended, ended.toEpochMilli() - leg.startedAt().toEpochMilli(),
                "CALLER_HUNG_UP", "caller hung up", null, null, "Asked about a table.",
                JSON.readTree("{\"resolved\":true}"), new CallDetails.Usage(1, 2, 3, 4, 5, 6), 0.012345));

        TranscriptSync.Pass pass = newSync().pass(database);
        assertNull(pass.failure());
        assertEquals(0, pass.lagLines());
        assertEquals(fileTexts(leg), storedTexts(leg.callSid()), "every line, the last one too");
        assertEquals(lines.size() + 1, fileTexts(leg).size());
        try (Connection db = postgres.connect(); Statement statement = db.createStatement();
                ResultSet row = statement.executeQuery("SELECT from_number, to_number, end_reason, duration_ms, "
                        + "summary, outcome->>'resolved', usage->>'outputAudioTokens', cost_usd, started_at, "
                        + "direction FROM calls")) {
            assertTrue(row.next());
            assertEquals("+15550100", row.getString(1));
            assertEquals("+15550199", row.getString(2));
            assertEquals("CALLER_HUNG_UP", row.getString(3));
            assertEquals(details.durationMs(), row.getLong(4));
            assertEquals("Asked about a table.", row.getString(5));
            assertEquals("true", row.getString(6));
            assertEquals("6", row.getString(7));
            assertEquals(0, row.getBigDecimal(8).compareTo(new java.math.BigDecimal("0.012345")));
            assertEquals(START, row.getTimestamp(9).toInstant());
            assertEquals("inbound", row.getString(10));
        }
        assertEquals(1, count("SELECT count(*) FROM synced_transcripts WHERE lines = 6"));
    }

    @Test
    void aLiveCallIsCopiedAsItGoesAndPassesAgainWriteNothingTwice() throws Exception {
        CallFileName leg = leg(START, "CA00000000000000000000000000000002");
        TranscriptSync sync = newSync();
        List<TranscriptLine> lines = new ArrayList<>(append(leg, 3));
        Files.writeString(leg.transcript(dir), "2026-11-24T10:15:40.000Z customer: half a li", StandardOpenOption.APPEND);
        assertEquals(0, sync.pass(database).lagLines());
        assertEquals(texts(lines), storedTexts(leg.callSid()), "the line being written waits");
        assertEquals(1, count("SELECT count(*) FROM calls WHERE ended_at IS NULL"), "a live call's row");

        Files.writeString(leg.transcript(dir), "ne\n", StandardOpenOption.APPEND);
        lines.add(TranscriptLine.parse("2026-11-24T10:15:40.000Z customer: half a line").orElseThrow());
        lines.addAll(append(leg, 2));
        sync.pass(database);
        sync.pass(database);
        newSync().pass(database); // another instance, knowing nothing, writes nothing twice
        assertEquals(texts(lines), storedTexts(leg.callSid()));
        assertEquals(List.of(0, 1, 2, 3, 4, 5), storedSeqs(leg.callSid()));
    }

    @Test
    void whileTheDatabaseIsDownLinesWaitInTheFilesAndNoneIsLostWhenItIsBack() throws Exception {
        CallFileName first = leg(START, "CA00000000000000000000000000000003");
        CallFileName second = leg(START.plusSeconds(1), "CA00000000000000000000000000000004");
        TranscriptSync sync = newSync();
        List<TranscriptLine> firstLines = new ArrayList<>(append(first, 2));
        sync.pass(database);

        postgres.stopServer();
        try {
            firstLines.addAll(append(first, 3));
            end(first, "COMPLETED", null);
            List<TranscriptLine> secondLines = append(second, 4);
            TranscriptSync.Pass down = sync.pass(database);
            assertNotNull(down.failure(), "the pass says it could not write");
            assertEquals(3 + 1 + 4, down.lagLines(), "every line on file not in the database");
            assertEquals(2 + 3 + 1 + 4, newSync().pass(database).lagLines(), "a new instance counts all it cannot check");

            postgres.startServer();
            TranscriptSync.Pass back = sync.pass(database);
            assertNull(back.failure());
            assertEquals(0, back.lagLines());
            assertEquals(6, fileTexts(first).size());
            assertEquals(fileTexts(first), storedTexts(first.callSid()));
            assertEquals(texts(firstLines), storedTexts(first.callSid()).subList(0, 5));
            assertEquals(texts(secondLines), storedTexts(second.callSid()));
            assertEquals(1, count("SELECT count(*) FROM calls WHERE ended_at IS NOT NULL"));
        } finally {
            postgres.ensureRunning();
        }
    }

    @Test
    void aRestartedReplicaSkipsWhatIsSyncedAndCatchesUpTheRest() throws Exception {
        CallFileName done = leg(START, "CA00000000000000000000000000000005");
        append(done, 2);
        end(done, "COMPLETED", null);
        newSync().pass(database);
        try (Connection db = postgres.connect(); Statement statement = db.createStatement()) {
            statement.execute("DELETE FROM call_lines"); // were the synced file read again, its lines would return
        }
        CallFileName pending = leg(START.plusSeconds(5), "CA00000000000000000000000000000006");
        List<TranscriptLine> lines = append(pending, 3);

        assertEquals(0, newSync().pass(database).lagLines());
        assertEquals(List.of(), storedTexts(done.callSid()), "a file synced whole is not read again");
        assertEquals(texts(lines), storedTexts(pending.callSid()));
    }

    @Test
    void aCallBackFromATransferKeepsBothLegsUnderOneCallSid() throws Exception {
        String sid = "CA00000000000000000000000000000007";
        CallFileName firstLeg = leg(START, sid);
        CallFileName secondLeg = leg(START.plusSeconds(60), sid);
        append(firstLeg, 2);
        end(firstLeg, "TRANSFERRED", "sales");
        append(secondLeg, 3);
        CallDetails last = end(secondLeg, "CALLER_HUNG_UP", null);

        newSync().pass(database);
        List<String> both = new ArrayList<>(fileTexts(firstLeg));
        both.addAll(fileTexts(secondLeg));
        assertEquals(7, both.size());
        assertEquals(both, storedTexts(new CallSid(sid)), "ordered by leg, then line");
        try (Connection db = postgres.connect(); Statement statement = db.createStatement();
                ResultSet row = statement.executeQuery("SELECT started_at, ended_at, end_reason, transfer_target, "
                        + "duration_ms FROM calls")) {
            assertTrue(row.next());
            assertEquals(START, row.getTimestamp(1).toInstant(), "the first leg's start");
            assertEquals(last.endedAt(), row.getTimestamp(2).toInstant(), "the last leg's end");
            assertEquals("CALLER_HUNG_UP", row.getString(3));
            assertEquals("sales", row.getString(4));
            assertEquals(last.endedAt().toEpochMilli() - START.toEpochMilli(), row.getLong(5));
        }
    }

    @Test
    void detailsThatCannotBeReadDoNotStopTheLines() throws Exception {
        CallFileName leg = leg(START, "CA00000000000000000000000000000008");
        List<TranscriptLine> lines = append(leg, 2);
        Files.writeString(leg.details(dir), "{not json");
        assertEquals(0, newSync().pass(database).lagLines());
        assertEquals(texts(lines), storedTexts(leg.callSid()));
        assertEquals(1, count("SELECT count(*) FROM synced_transcripts"));
    }

    private TranscriptSync newSync() {
        return new TranscriptSync(dir, new CallRows(JSON));
    }

    private static CallFileName leg(Instant start, String sid) {
        return new CallFileName(start, new CallSid(sid));
    }

    private int counter;

    /** Appends {@code n} lines as the writer formats them, one of them with a quote and a card-free colon. */
    private List<TranscriptLine> append(CallFileName leg, int n) throws IOException {
        List<TranscriptLine> lines = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int k = counter++;
            TranscriptLine line = new TranscriptLine(START.plusMillis(k), Speaker.values()[k % 3], k % 4 == 1,
                    "line " + k + ": it's 'quoted' – ü");
            lines.add(line);
            text.append(line.format());
        }
        Files.writeString(leg.transcript(dir), text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return lines;
    }

    private CallDetails end(CallFileName leg, String reason, String transferTarget) throws IOException {
        return end(leg, ended -> new CallDetails(leg.callSid().value(), "inbound", "+15550100", "+15550199", null,
                leg.startedAt(), ended, ended.toEpochMilli() - leg.startedAt().toEpochMilli(), reason,
                reason.toLowerCase(), transferTarget, null, null, null, null, null));
    }

    /** Writes the last line, then the details (as TranscriptWriter.close does), ended when the last line was. */
    private CallDetails end(CallFileName leg, Details details) throws IOException {
        TranscriptLine last = new TranscriptLine(START.plusMillis(counter++).plusSeconds(30), Speaker.SYSTEM, false,
                "call ended");
        Files.writeString(leg.transcript(dir), last.format(), StandardOpenOption.APPEND);
        CallDetails written = details.at(last.at());
        CallDetailsFile.write(leg.details(dir), written);
        return written;
    }

    private interface Details {
        CallDetails at(Instant ended) throws IOException;
    }

    private List<String> fileTexts(CallFileName leg) throws IOException {
        return Files.readAllLines(leg.transcript(dir)).stream().map(l -> TranscriptLine.parse(l).orElseThrow().text())
                .toList();
    }

    private static List<String> texts(List<TranscriptLine> lines) {
        return lines.stream().map(TranscriptLine::text).toList();
    }

    private static List<String> storedTexts(CallSid sid) throws SQLException {
        List<String> texts = new ArrayList<>();
        try (Connection db = postgres.connect(); Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery("SELECT text FROM call_lines WHERE call_sid = '" + sid
                        + "' ORDER BY leg_started_at, seq")) {
            while (rows.next()) {
                texts.add(rows.getString(1));
            }
        }
        return texts;
    }

    private static List<Integer> storedSeqs(CallSid sid) throws SQLException {
        List<Integer> seqs = new ArrayList<>();
        try (Connection db = postgres.connect(); Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery("SELECT seq FROM call_lines WHERE call_sid = '" + sid
                        + "' ORDER BY seq")) {
            while (rows.next()) {
                seqs.add(rows.getInt(1));
            }
        }
        return seqs;
    }

    private static long count(String sql) throws SQLException {
        try (Connection db = postgres.connect(); Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
