package dev.aivoicebot.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivoicebot.archive.StartLine;
import dev.aivoicebot.transcript.CallDetails;
import dev.aivoicebot.transcript.CallFileName;
import dev.aivoicebot.transcript.NumberedLine;
import dev.aivoicebot.transcript.TranscriptLine;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The SQL of the store (schema in {@code db/migration}): every statement is idempotent, so a line or a call can
 * be written again at any time and the tables stay the same. The caller owns the connection and its transaction.
 */
final class CallRows {

    /** Lines per batch: a long call's catch-up goes in a few round trips, never one huge statement. */
    static final int BATCH = 500;

    private static final String ENSURE_CALL = "INSERT INTO calls (call_sid, started_at) VALUES (?, ?) "
            + "ON CONFLICT (call_sid) DO NOTHING";
    /** Until its details arrive, a call's parties are what its first line names (as the files backend reads them). */
    private static final String START_PARTIES = "UPDATE calls SET from_number = ?, to_number = ? "
            + "WHERE call_sid = ? AND ended_at IS NULL AND from_number IS NULL AND to_number IS NULL";
    private static final String INSERT_LINE = "INSERT INTO call_lines (call_sid, leg_started_at, seq, at, speaker, "
            + "interrupted, text) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
    /** A later leg's details win; the start stays the earliest, the duration spans every leg. */
    private static final String UPSERT_DETAILS = """
            INSERT INTO calls AS c (call_sid, direction, from_number, to_number, profile, started_at, ended_at,
                duration_ms, end_reason, end_reason_text, transfer_target, recording_sid, summary, outcome, usage,
                cost_usd)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?)
            ON CONFLICT (call_sid) DO UPDATE SET
                direction = excluded.direction, from_number = excluded.from_number, to_number = excluded.to_number,
                profile = COALESCE(excluded.profile, c.profile),
                started_at = LEAST(c.started_at, excluded.started_at), ended_at = excluded.ended_at,
                duration_ms = CASE WHEN c.started_at < excluded.started_at
                    THEN (EXTRACT(EPOCH FROM excluded.ended_at - c.started_at) * 1000)::bigint
                    ELSE excluded.duration_ms END,
                end_reason = excluded.end_reason, end_reason_text = excluded.end_reason_text,
                transfer_target = COALESCE(excluded.transfer_target, c.transfer_target),
                recording_sid = COALESCE(excluded.recording_sid, c.recording_sid),
                summary = COALESCE(excluded.summary, c.summary), outcome = COALESCE(excluded.outcome, c.outcome),
                usage = COALESCE(excluded.usage, c.usage), cost_usd = COALESCE(excluded.cost_usd, c.cost_usd)
            WHERE c.ended_at IS NULL OR c.ended_at <= excluded.ended_at""";
    private static final String MARK_SYNCED = "INSERT INTO synced_transcripts (file_name, call_sid, lines) "
            + "VALUES (?, ?, ?) ON CONFLICT (file_name) DO NOTHING";
    private static final String SYNCED = "SELECT file_name FROM synced_transcripts WHERE file_name = ANY (?)";

    private final ObjectMapper json;

    CallRows(ObjectMapper json) {
        this.json = json;
    }

    /** The call's row, with what its file name says (CallSid, start), unless it exists: lines refer to it. */
    void ensureCall(Connection db, CallFileName leg) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(ENSURE_CALL)) {
            insert.setString(1, leg.callSid().value());
            insert.setObject(2, time(leg.startedAt()));
            insert.executeUpdate();
        }
    }

    /** The parties the first line of a call names, on its row while it has no details (they replace these). */
    void startParties(Connection db, CallFileName leg, StartLine start) throws SQLException {
        if (start.from() == null && start.to() == null) {
            return;
        }
        try (PreparedStatement update = db.prepareStatement(START_PARTIES)) {
            update.setString(1, start.from());
            update.setString(2, start.to());
            update.setString(3, leg.callSid().value());
            update.executeUpdate();
        }
    }

    void insertLines(Connection db, CallFileName leg, List<NumberedLine> lines) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(INSERT_LINE)) {
            int batched = 0;
            for (NumberedLine numbered : lines) {
                TranscriptLine line = numbered.line();
                insert.setString(1, leg.callSid().value());
                insert.setObject(2, time(leg.startedAt()));
                insert.setInt(3, numbered.seq());
                insert.setObject(4, time(line.at()));
                insert.setString(5, line.speaker().tag());
                insert.setBoolean(6, line.interrupted());
                insert.setString(7, line.text());
                insert.addBatch();
                if (++batched == BATCH) {
                    insert.executeBatch();
                    batched = 0;
                }
            }
            if (batched > 0) {
                insert.executeBatch();
            }
        }
    }

    void upsertDetails(Connection db, CallDetails details) throws SQLException {
        try (PreparedStatement upsert = db.prepareStatement(UPSERT_DETAILS)) {
            upsert.setString(1, details.callSid());
            upsert.setString(2, details.direction());
            upsert.setString(3, details.from());
            upsert.setString(4, details.to());
            upsert.setString(5, details.profile());
            upsert.setObject(6, time(details.startedAt()));
            upsert.setObject(7, time(details.endedAt()));
            upsert.setLong(8, details.durationMs());
            upsert.setString(9, details.endReason());
            upsert.setString(10, details.endReasonText());
            upsert.setString(11, details.transferTarget());
            upsert.setString(12, details.recordingSid());
            upsert.setString(13, details.summary());
            upsert.setString(14, details.outcome() == null ? null : details.outcome().toString());
            upsert.setString(15, details.usage() == null ? null : toJson(details.usage()));
            if (details.costUsd() == null) {
                upsert.setNull(16, Types.NUMERIC);
            } else {
                upsert.setBigDecimal(16, BigDecimal.valueOf(details.costUsd()));
            }
            upsert.executeUpdate();
        }
    }

    /** The transcript file is in the tables whole: its call ended and every line is written. */
    void markSynced(Connection db, CallFileName leg, int lines) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(MARK_SYNCED)) {
            insert.setString(1, leg.base());
            insert.setString(2, leg.callSid().value());
            insert.setInt(3, lines);
            insert.executeUpdate();
        }
    }

    /** Which of these transcript files are in the tables whole already. */
    Set<String> synced(Connection db, Collection<CallFileName> legs) throws SQLException {
        Set<String> synced = new HashSet<>();
        Array names = db.createArrayOf("text", legs.stream().map(CallFileName::base).toArray());
        try (PreparedStatement select = db.prepareStatement(SYNCED)) {
            select.setArray(1, names);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    synced.add(rows.getString(1));
                }
            }
        } finally {
            names.free();
        }
        return synced;
    }

    private String toJson(Object value) throws SQLException {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot write usage as JSON: " + e.getOriginalMessage());
        }
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
