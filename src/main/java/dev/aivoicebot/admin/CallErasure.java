package dev.aivoicebot.admin;

import dev.aivoicebot.archive.CallArchive;
import dev.aivoicebot.archive.CallView;
import dev.aivoicebot.archive.LiveCalls;
import dev.aivoicebot.retention.CallEraser;
import dev.aivoicebot.safety.CallSid;
import io.quarkus.arc.All;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Erases one call everywhere it is kept (a caller's request to be forgotten): every {@link CallEraser} — the files,
 * the outbox of call events, and any store added later — removes its copy. A call that may still be going on is
 * refused, since its transcript is still being written and its details and event are still to come: one live on
 * this replica, or one with no end on record whose last line is under {@link #QUIET} old (live on another replica,
 * or closing). A call cut off by a crash has no end either; once quiet that long, it can be erased. Logged with the
 * CallSid and counts, nothing the caller said.
 */
@Singleton
class CallErasure {

    private static final Logger LOG = Logger.getLogger(CallErasure.class);

    static final Duration QUIET = Duration.ofMinutes(2);

    private final List<CallEraser> erasers;
    private final LiveCalls live;
    private final CallArchive archive;

    CallErasure(@All List<CallEraser> erasers, LiveCalls live, CallArchive archive) {
        this.erasers = List.copyOf(erasers);
        this.live = live;
        this.archive = archive;
    }

    /** Erases the call; throws the refusal when it may be going on, or is unknown. */
    void erase(CallSid callSid) throws IOException {
        if (live.inProgress(callSid.value()) || archive.get(callSid).filter(CallErasure::mayBeGoingOn).isPresent()) {
            throw new AdminException(Response.Status.CONFLICT, "call_in_progress",
                    "call " + callSid + " is in progress; erase it once it has ended", null, Map.of());
        }
        Map<String, Integer> removed = new LinkedHashMap<>();
        for (CallEraser eraser : erasers) {
            removed.put(eraser.what(), eraser.erase(callSid));
        }
        if (removed.values().stream().allMatch(count -> count == 0)) {
            throw AdminException.notFound("no call " + callSid);
        }
        LOG.infof("Erased call %s: %s", callSid, removed);
    }

    private static boolean mayBeGoingOn(CallView call) {
        if (call.endedAt() != null) {
            return false;
        }
        Instant last = call.lines().isEmpty() ? call.startedAt() : call.lines().get(call.lines().size() - 1).at();
        return last.isAfter(Instant.now().minus(QUIET));
    }
}
