package dev.aivoicebot.outbound;

import dev.aivoicebot.safety.CallSid;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The calls this replica placed, by CallSid: what {@code /voice} needs to open them (the plan, the wait for the
 * answering-machine result) and what {@code GET /calls/{sid}/status} reports. In memory, per replica: a callback
 * or status request that reaches another replica finds nothing. A finished call is kept an hour, any call a day,
 * and at most {@value #MAX_CALLS} at once (the oldest finished ones go first).
 */
@ApplicationScoped
public class OutboundCalls {

    static final int MAX_CALLS = 10_000;
    private static final long KEEP_FINISHED = Duration.ofHours(1).toNanos();
    private static final long KEEP_ANY = Duration.ofDays(1).toNanos();

    private final Map<String, OutboundCall> calls = new ConcurrentHashMap<>();

    /** Keeps a call Twilio has just created. */
    OutboundCall placed(String callSid, OutboundPlan plan) {
        long now = System.nanoTime();
        if (calls.size() >= MAX_CALLS) {
            calls.values().removeIf(call -> call.expired(now, KEEP_FINISHED, KEEP_ANY));
            if (calls.size() >= MAX_CALLS) {
                calls.values().removeIf(call -> call.progress().isFinal());
            }
        }
        OutboundCall call = new OutboundCall(callSid, plan, now);
        calls.put(callSid, call);
        return call;
    }

    /** The call, if this replica placed it and still keeps it. */
    public Optional<OutboundCall> find(CallSid callSid) {
        return find(callSid.value());
    }

    Optional<OutboundCall> find(String callSid) {
        OutboundCall call = calls.get(callSid);
        if (call != null && call.expired(System.nanoTime(), KEEP_FINISHED, KEEP_ANY)) {
            calls.remove(callSid, call);
            return Optional.empty();
        }
        return Optional.ofNullable(call);
    }
}
