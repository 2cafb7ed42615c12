package dev.aivoicebot.admin;

import dev.aivoicebot.archive.LiveCalls;
import dev.aivoicebot.retention.CallEraser;
import dev.aivoicebot.safety.CallSid;
import io.quarkus.arc.All;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Erases one call everywhere it is kept (a caller's request to be forgotten): every {@link CallEraser} — the files,
 * the outbox of call events, and any store added later — removes its copy. A call still going on here is refused,
 * since its transcript is still being written. Logged with the CallSid and counts, nothing the caller said.
 */
@Singleton
class CallErasure {

    private static final Logger LOG = Logger.getLogger(CallErasure.class);

    private final List<CallEraser> erasers;
    private final LiveCalls live;

    CallErasure(@All List<CallEraser> erasers, LiveCalls live) {
        this.erasers = List.copyOf(erasers);
        this.live = live;
    }

    /** Erases the call; throws the refusal when it is live or unknown. */
    void erase(CallSid callSid) throws IOException {
        if (live.inProgress(callSid.value())) {
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
}
