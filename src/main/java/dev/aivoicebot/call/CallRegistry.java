package dev.aivoicebot.call;

import dev.aivoicebot.safety.CallSid;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The calls in progress on this replica, at most one stream per CallSid (a replayed webhook mints a second valid
 * token, not a second stream); at shutdown every call is ended so its transcript is closed.
 */
@ApplicationScoped
public class CallRegistry {

    private final Set<CallSession> active = ConcurrentHashMap.newKeySet();
    private final Set<CallSid> streaming = ConcurrentHashMap.newKeySet();

    /** Claims the CallSid for a starting call; false when a stream of that call is already in progress here. */
    boolean claim(CallSid callSid) {
        return streaming.add(callSid);
    }

    void add(CallSession call) {
        active.add(call);
    }

    void remove(CallSession call) {
        active.remove(call);
        streaming.remove(call.callSid());
    }

    public int activeCount() {
        return active.size();
    }

    public List<CallSession> active() {
        return List.copyOf(active);
    }

    /** Before the transcript store drains (priority 10 000), so every call's last line is queued first. */
    void endAll(@Observes @Priority(100) ShutdownEvent event) {
        for (CallSession call : List.copyOf(active)) {
            call.end(CallEndReason.SHUTDOWN, "service shutting down");
        }
    }

    /** The call in progress here with this CallSid, if any (for Twilio's callbacks about it). */
    public Optional<CallSession> find(CallSid callSid) {
        return active.stream().filter(call -> call.callSid().equals(callSid)).findFirst();
    }
}
