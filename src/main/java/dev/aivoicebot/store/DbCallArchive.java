package dev.aivoicebot.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivoicebot.archive.ArchiveUnavailableException;
import dev.aivoicebot.archive.CallArchive;
import dev.aivoicebot.archive.CallLine;
import dev.aivoicebot.archive.CallPage;
import dev.aivoicebot.archive.CallQuery;
import dev.aivoicebot.archive.CallSummary;
import dev.aivoicebot.archive.CallView;
import dev.aivoicebot.archive.LiveCalls;
import dev.aivoicebot.archive.PageCursor;
import dev.aivoicebot.archive.StartLine;
import dev.aivoicebot.safety.CallSid;
import dev.aivoicebot.transcript.CallDetails;
import dev.aivoicebot.transcript.CallDetails.Usage;
import dev.aivoicebot.transcript.NumberedLine;
import dev.aivoicebot.transcript.Speaker;
import dev.aivoicebot.transcript.TranscriptLine;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The calls in PostgreSQL, as the sync worker copied them from {@code LOG_DIR}: the same answers as the files
 * backend gives for the same calls, as of the last sync pass (about {@code DB_SYNC_INTERVAL} behind the files).
 * Only the selection is SQL; rows become the API's records through the archive's own mapping
 * ({@link CallSummary#of}, {@link CallView#of}, {@link CallLine#of}), so both backends word a call alike.
 *
 * <p>The text filter is {@code ILIKE '%…%'} on the lines, not the GIN full-text index: the API promises a
 * case-insensitive substring ("tab" finds "table", "book a" finds "book a table"), and word search answers
 * differently ("tab" finds nothing, word order is ignored). The other filters narrow the calls first.
 */
public final class DbCallArchive implements CallArchive {

    private static final String COLUMNS = "call_sid, started_at, direction, from_number, to_number, profile, "
            + "ended_at, duration_ms, end_reason, end_reason_text, transfer_target, recording_sid, summary, "
            + "outcome, usage, cost_usd";
    /** CallSids compare byte-wise, as Java's String does in the files backend, whatever the database's locale. */
    private static final String SID = "call_sid COLLATE \"C\"";
    private static final String LINES = "SELECT seq, at, speaker, interrupted, text FROM call_lines "
            + "WHERE call_sid = ? ORDER BY leg_started_at, seq";

    private final DataSource database;
    private final ObjectMapper json;
    private final LiveCalls live;

    DbCallArchive(DataSource database, ObjectMapper json, LiveCalls live) {
        this.database = database;
        this.json = json;
        this.live = live;
    }

    @Override
    public CallPage list(CallQuery query) throws IOException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM calls WHERE TRUE");
        List<Object> args = new ArrayList<>();
        if (query.since() != null) {
            sql.append(" AND started_at >= ?");
            args.add(time(query.since()));
        }
        if (query.until() != null) {
            sql.append(" AND started_at < ?");
            args.add(time(query.until()));
        }
        if (query.after() != null) {
            sql.append(" AND (started_at < ? OR started_at = ? AND " + SID + " < ?)");
            args.addAll(List.of(time(query.after().startedAt()), time(query.after().startedAt()),
                    query.after().callSid()));
        }
        filter(sql, args, "from_number = ?", query.from());
        filter(sql, args, "to_number = ?", query.to());
        filter(sql, args, "end_reason = ?", query.endReason());
        filter(sql, args, "EXISTS (SELECT 1 FROM call_lines l WHERE l.call_sid = calls.call_sid "
                + "AND l.text ILIKE ? ESCAPE '\\')", query.text() == null ? null : "%" + literal(query.text()) + "%");
        sql.append(" ORDER BY started_at DESC, " + SID + " DESC LIMIT ?");
        args.add(query.limit() + 1); // one more than the page holds: there is a next page
        try (Connection db = database.getConnection(); PreparedStatement select = db.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                select.setObject(i + 1, args.get(i));
            }
            List<CallSummary> page = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (page.size() == query.limit()) {
                        CallSummary last = page.get(page.size() - 1);
                        return new CallPage(page, new PageCursor(last.startedAt(), last.callSid()).encode());
                    }
                    String sid = rows.getString("call_sid");
                    page.add(CallSummary.of(sid, instant(rows, "started_at"), details(rows), parties(rows),
                            live.inProgress(sid)));
                }
            }
            return new CallPage(page, null);
        } catch (SQLException e) {
            throw unreadable(e);
        }
    }

    @Override
    public Optional<CallView> get(CallSid callSid) throws IOException {
        try (Connection db = database.getConnection();
                PreparedStatement call = db.prepareStatement("SELECT " + COLUMNS + " FROM calls WHERE call_sid = ?");
                PreparedStatement lines = db.prepareStatement(LINES)) {
            call.setString(1, callSid.value());
            lines.setString(1, callSid.value());
            try (ResultSet row = call.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                // lines after the row: lines only grow, so the view never lacks a line the row's state implies
                return Optional.of(CallView.of(callSid.value(), instant(row, "started_at"), details(row),
                        parties(row), live.inProgress(callSid.value()), lines(lines)));
            }
        } catch (SQLException e) {
            throw unreadable(e);
        }
    }

    private static List<CallLine> lines(PreparedStatement select) throws SQLException {
        List<CallLine> lines = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                Speaker speaker = Speaker.fromTag(rows.getString("speaker"))
                        .orElseThrow(() -> new SQLException("unknown speaker in call_lines"));
                lines.add(CallLine.of(new NumberedLine(rows.getInt("seq"), new TranscriptLine(instant(rows, "at"),
                        speaker, rows.getBoolean("interrupted"), rows.getString("text")))));
            }
        }
        return lines;
    }

    /** The call's details as its details file said them; null until the sync copied that file (the call ended). */
    private CallDetails details(ResultSet row) throws SQLException {
        if (row.getObject("ended_at") == null) {
            return null;
        }
        BigDecimal cost = row.getBigDecimal("cost_usd");
        String usage = row.getString("usage");
        String outcome = row.getString("outcome");
        try {
            return new CallDetails(row.getString("call_sid"), row.getString("direction"), row.getString("from_number"),
                    row.getString("to_number"), row.getString("profile"), instant(row, "started_at"),
                    instant(row, "ended_at"), row.getLong("duration_ms"), row.getString("end_reason"),
                    row.getString("end_reason_text"), row.getString("transfer_target"), row.getString("recording_sid"),
                    row.getString("summary"), outcome == null ? null : json.readTree(outcome),
                    usage == null ? null : json.readValue(usage, Usage.class),
                    cost == null ? null : cost.doubleValue());
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable JSON in the calls row: " + e.getOriginalMessage());
        }
    }

    /** A call without details: the parties its first line named, kept on its row by the sync. */
    private static StartLine parties(ResultSet row) throws SQLException {
        return new StartLine(row.getString("from_number"), row.getString("to_number"));
    }

    private static void filter(StringBuilder sql, List<Object> args, String condition, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            args.add(value);
        }
    }

    /** The text as an ILIKE pattern matching itself only: its wildcards and the escape character escaped. */
    static String literal(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static ArchiveUnavailableException unreadable(SQLException e) {
        return new ArchiveUnavailableException("Cannot read the calls from the database: " + e.getMessage(), e);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
