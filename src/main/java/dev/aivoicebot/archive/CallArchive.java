package dev.aivoicebot.archive;

import dev.aivoicebot.safety.CallSid;
import java.io.IOException;
import java.util.Optional;

/**
 * The calls on record, read side: what the calls API and the console show. One implementation reads
 * {@code LOG_DIR} ({@link FileCallArchive}); a database-backed one answers the same questions the same way, so
 * the API does not know which it talks to. Both may block (disk, network): call them off the event loop.
 */
public interface CallArchive {

    /** The calls matching {@code query}, newest first, at most {@code query.limit()} of them. */
    CallPage list(CallQuery query) throws IOException;

    /** One call with all its lines; empty when there is no such call. */
    Optional<CallView> get(CallSid callSid) throws IOException;
}
