package dev.aivoicebot.store;

import dev.aivoicebot.archive.StartLine;
import dev.aivoicebot.safety.SafeText;
import dev.aivoicebot.transcript.CallDetails;
import dev.aivoicebot.transcript.CallDetailsFile;
import dev.aivoicebot.transcript.CallFileName;
import dev.aivoicebot.transcript.TranscriptFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Copies the calls in {@code LOG_DIR} to the database, one pass at a time: each transcript file is read on from
 * where the last committed pass left it, its new lines are written with the call's row in one transaction, and once
 * its details file exists (the call has ended, every line is on file) the row is completed and the file marked
 * synced; until then the row has the parties the file's first line names. Only committed progress is remembered,
 * and every write is idempotent, so a failure at any point loses nothing: the next pass writes the same lines again.
 *
 * <p>A new instance (a restarted replica) knows no progress: it asks the database which files are synced whole and
 * reads every other file from its start, which rewrites nothing. Not thread-safe: one sync thread owns it.
 */
final class TranscriptSync {

    private static final Logger LOG = Logger.getLogger(TranscriptSync.class);

    private final Path dir;
    private final CallRows rows;
    /** File base name → how far it is in the database; only for files whose synced state was checked. */
    private final Map<String, Progress> progress = new HashMap<>();

    TranscriptSync(Path dir, CallRows rows) {
        this.dir = dir;
        this.rows = rows;
    }

    /**
     * One pass over the directory: what it could not write (the database down or failing) is counted as lag and
     * written by a later pass.
     */
    Pass pass(DataSource database) throws IOException {
        List<CallFileName> legs = TranscriptFile.list(dir);
        Connection db = null;
        SQLException failure = null;
        try {
            db = database.getConnection();
            db.setAutoCommit(false);
            checkUnknown(db, legs);
        } catch (SQLException e) {
            failure = e;
        }
        long lag = 0;
        try {
            for (CallFileName leg : legs) {
                Progress at = progress.getOrDefault(leg.base(), Progress.START);
                if (at.done()) {
                    continue;
                }
                boolean ended = Files.exists(leg.details(dir)); // checked first: then the transcript is complete
                TranscriptFile.Chunk chunk;
                try {
                    chunk = TranscriptFile.readFrom(leg.transcript(dir), at.offset(), at.seq());
                } catch (NoSuchFileException e) {
                    progress.remove(leg.base()); // deleted meanwhile (retention, erase)
                    continue;
                }
                if (failure != null) {
                    lag += chunk.lines().size();
                    continue;
                }
                try {
                    write(db, leg, chunk, at.offset() == 0, ended);
                    progress.put(leg.base(), new Progress(chunk.nextOffset(), chunk.nextSeq(), ended));
                } catch (SQLException e) {
                    rollback(db);
                    failure = e;
                    lag += chunk.lines().size();
                }
            }
        } finally {
            close(db);
        }
        return new Pass(lag, failure);
    }

    /** Lines on file not in the database after a pass, and why the pass stopped writing (null when it did not). */
    record Pass(long lagLines, SQLException failure) {
    }

    /** Files this instance has not seen: those the database has whole are done, the others start at 0. */
    private void checkUnknown(Connection db, List<CallFileName> legs) throws SQLException {
        List<CallFileName> unknown = legs.stream().filter(leg -> !progress.containsKey(leg.base())).toList();
        if (unknown.isEmpty()) {
            return;
        }
        Set<String> synced = rows.synced(db, unknown);
        db.commit();
        for (CallFileName leg : unknown) {
            progress.put(leg.base(), synced.contains(leg.base()) ? Progress.DONE : Progress.START);
        }
    }

    private void write(Connection db, CallFileName leg, TranscriptFile.Chunk chunk, boolean fromStart,
            boolean ended) throws SQLException {
        rows.ensureCall(db, leg);
        if (fromStart && !chunk.lines().isEmpty()) {
            rows.startParties(db, leg, StartLine.of(chunk.lines()));
        }
        rows.insertLines(db, leg, chunk.lines());
        if (ended) {
            Optional<CallDetails> details = details(leg);
            if (details.isPresent()) {
                rows.upsertDetails(db, details.get());
            }
            rows.markSynced(db, leg, chunk.nextSeq());
        }
        db.commit();
    }

    private Optional<CallDetails> details(CallFileName leg) {
        try {
            return CallDetailsFile.read(leg.details(dir));
        } catch (IOException e) {
            // a details file that cannot be read never becomes readable: the lines are stored without it
            LOG.errorf("Cannot read %s (stored without its details): %s", leg.details(dir).getFileName(),
                    SafeText.of(e.getMessage()));
            return Optional.empty();
        }
    }

    private static void close(Connection db) {
        if (db == null) {
            return;
        }
        try {
            db.close();
        } catch (SQLException ignored) {
            // a connection to a database that went away; the pool discards it
        }
    }

    private static void rollback(Connection db) {
        try {
            db.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the pool discards it
        }
    }

    /** How far a file is in the database: the byte and line number the next read starts at; done when whole. */
    private record Progress(long offset, int seq, boolean done) {
        static final Progress START = new Progress(0, 0, false);
        static final Progress DONE = new Progress(0, 0, true);
    }
}
