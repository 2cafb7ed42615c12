package dev.aivoicebot.call;

import dev.aivoicebot.openai.ItemCreate;
import dev.aivoicebot.safety.CallSid;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The transfers this replica has dialed, kept after the call's media stream has ended: what the person who
 * answers hears (the whisper), and what a caller who comes back because nobody answered resumes (the target and
 * the conversation so far). Each is forgotten once the dial has ended, or a few minutes after the dial timeout.
 */
@ApplicationScoped
public class Transfers {

    /** How long a transfer is remembered beyond its dial timeout: the callbacks come well within it. */
    private static final long KEPT_BEYOND_DIAL_MS = 5 * 60_000;

    /** What a caller who comes back resumes. */
    public record Return(String target, List<ItemCreate> history) {
    }

    private record Dialed(String target, String whisper, List<ItemCreate> history, long expiresAtMs,
            boolean returning) {
    }

    /** What the transfer-status callback asks for. */
    public enum DialEnd {
        /** The target answered and the conversation is over: hang up. */
        ANSWERED,
        /** Nobody answered: connect the caller to the assistant again, the conversation restored. */
        RETURN,
        /** Nobody answered, and this replica knows nothing of the call: say sorry and hang up. */
        UNKNOWN
    }

    private final Map<CallSid, Dialed> dialed = new ConcurrentHashMap<>();
    private final TransferTargets targets;
    private final TransferMetrics metrics;

    Transfers(TransferTargets targets, TransferMetrics metrics) {
        this.targets = targets;
        this.metrics = metrics;
    }

    void dialing(CallSid callSid, String target, String whisper, List<ItemCreate> history) {
        long now = System.currentTimeMillis();
        dialed.values().removeIf(d -> d.expiresAtMs() < now);
        dialed.put(callSid, new Dialed(target, whisper, List.copyOf(history),
                now + targets.dialTimeout().toMillis() + KEPT_BEYOND_DIAL_MS, false));
    }

    /** The one sentence the person answering a transfer of this call hears; empty when none is known. */
    public Optional<String> whisper(CallSid callSid) {
        return live(callSid).map(Dialed::whisper);
    }

    /**
     * Twilio's {@code DialCallStatus} for this call's transfer: {@code completed} or {@code answered} end the
     * call; anything else (busy, no-answer, failed, canceled) brings the caller back when the transfer is known.
     */
    public DialEnd dialEnded(CallSid callSid, String dialCallStatus) {
        Optional<Dialed> transfer = live(callSid);
        boolean answered = "completed".equals(dialCallStatus) || "answered".equals(dialCallStatus);
        transfer.ifPresent(t -> metrics.count(t.target(), answered ? TransferOutcome.ANSWERED
                : TransferOutcome.NOT_ANSWERED));
        if (answered) {
            dialed.remove(callSid);
            return DialEnd.ANSWERED;
        }
        if (transfer.isEmpty()) {
            return DialEnd.UNKNOWN;
        }
        dialed.put(callSid, new Dialed(transfer.get().target(), transfer.get().whisper(), transfer.get().history(),
                transfer.get().expiresAtMs(), true));
        return DialEnd.RETURN;
    }

    /** The transfer a starting stream of this call comes back from, if nobody answered it; taken once. */
    Optional<Return> takeReturn(CallSid callSid) {
        Dialed transfer = dialed.get(callSid);
        if (transfer == null || !transfer.returning() || !dialed.remove(callSid, transfer)) {
            return Optional.empty();
        }
        return Optional.of(new Return(transfer.target(), transfer.history()));
    }

    private Optional<Dialed> live(CallSid callSid) {
        Dialed transfer = dialed.get(callSid);
        return transfer == null || transfer.expiresAtMs() < System.currentTimeMillis() ? Optional.empty()
                : Optional.of(transfer);
    }
}
