package dev.aivoicebot.outbound;

import dev.aivoicebot.safety.CallSid;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * What Twilio's signed callbacks about a placed call change: its progress ({@code StatusCallback}) and its
 * answering-machine result ({@code AsyncAmdStatusCallback}). The {@code twilio} package checks the signature and
 * the form first; a callback for a call this replica does not keep is logged and otherwise ignored.
 */
@ApplicationScoped
public class OutboundCallbacks {

    private static final Logger LOG = Logger.getLogger(OutboundCallbacks.class);

    private final OutboundCalls calls;
    private final OutboundMetrics metrics;

    OutboundCallbacks(OutboundCalls calls, OutboundMetrics metrics) {
        this.calls = calls;
        this.metrics = metrics;
    }

    /** A {@code CallStatus} report, with {@code AnsweredBy} when Twilio sends it along (may be empty). */
    public void statusReported(CallSid callSid, CallProgress progress, Optional<AnsweredBy> answeredBy) {
        Optional<OutboundCall> call = calls.find(callSid);
        if (call.isEmpty()) {
            LOG.debugf("Call %s: status %s for a call this replica did not place (or no longer keeps)", callSid,
                    progress.twilioName());
            return;
        }
        if (call.get().progressed(progress, System.nanoTime())) {
            LOG.debugf("Call %s: %s", callSid, progress.twilioName());
            if (progress.isFinal()) {
                metrics.ended(progress);
            }
        }
        answeredBy.ifPresent(call.get()::answered);
    }

    /** The answering-machine detection result. */
    public void machineDetected(CallSid callSid, AnsweredBy answeredBy) {
        calls.find(callSid).ifPresentOrElse(call -> {
            LOG.debugf("Call %s: answered by %s", callSid, answeredBy.twilioName());
            call.answered(answeredBy);
        }, () -> LOG.debugf("Call %s: answering-machine result for a call this replica does not keep", callSid));
    }
}
