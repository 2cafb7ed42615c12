package dev.aivoicebot.store;

import dev.aivoicebot.archive.ArchiveUnavailableException;
import dev.aivoicebot.retention.CallEraser;
import dev.aivoicebot.safety.CallSid;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.InjectableInstance;
import jakarta.annotation.Priority;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Erasing a call or sweeping old ones also removes their rows: the {@code calls} row, and with it (ON DELETE
 * CASCADE) its lines and its sync marks. Without {@code DB_URL} it keeps nothing and erases nothing.
 *
 * <p>It runs after the other erasers (lowest priority): the files go first, so the sync worker cannot copy a call
 * back in between. A database that is down fails the erase (the API answers 503 and the caller retries; the files
 * already gone count 0 then) rather than leaving rows behind silently.
 */
@Singleton
@Priority(-100)
class DbCallEraser implements CallEraser {

    private final List<AgroalDataSource> database;

    DbCallEraser(InjectableInstance<AgroalDataSource> database) {
        this.database = database.listActive();
    }

    @Override
    public String what() {
        return "database";
    }

    @Override
    public int erase(CallSid callSid) throws IOException {
        return delete("DELETE FROM calls WHERE call_sid = ?", statement -> statement.setString(1, callSid.value()));
    }

    @Override
    public int eraseStartedBefore(Instant cutoff) throws IOException {
        return delete("DELETE FROM calls WHERE started_at < ?",
                statement -> statement.setTimestamp(1, Timestamp.from(cutoff)));
    }

    private int delete(String sql, Binder binder) throws IOException {
        if (database.isEmpty()) {
            return 0;
        }
        try (Connection db = database.get(0).getConnection(); PreparedStatement statement = db.prepareStatement(sql)) {
            binder.bind(statement);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new ArchiveUnavailableException("the database did not erase the rows (SQL state " + e.getSQLState() + ")", e);
        }
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }
}
