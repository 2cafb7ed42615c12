package dev.aivoicebot.call;

import dev.aivoicebot.outbound.OutboundCall;
import dev.aivoicebot.outbound.OutboundCalls;
import dev.aivoicebot.outbound.OutboundConfig;
import dev.aivoicebot.outbound.OutboundMetrics;
import dev.aivoicebot.outbound.OutboundPlan;
import dev.aivoicebot.outbound.VoicemailAction;
import dev.aivoicebot.safety.CallSid;
import dev.aivoicebot.safety.SafeText;
import dev.aivoicebot.transcript.TranscriptWriter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * How a call we placed begins, when {@code /voice} answers it: the request's greeting (or {@code OUTBOUND_GREETING}),
 * its context added to the instructions, and the wait for the answering-machine result before anything is said.
 */
@ApplicationScoped
class OutboundOpening {

    private final OutboundCalls calls;
    private final AssistantSettings settings;
    private final OutboundMetrics metrics;
    private final VoicemailAction action;
    private final OutboundConfig config;

    OutboundOpening(OutboundCalls calls, AssistantSettings settings, OutboundMetrics metrics, OutboundConfig config) {
        this.calls = calls;
        this.settings = settings;
        this.metrics = metrics;
        this.config = config;
        this.action = VoicemailAction.of(config.voicemailAction());
    }

    /** The opening of {@code callSid} when this replica placed it; empty for any other call. */
    Optional<Opening> of(CallSid callSid, TranscriptWriter transcript) {
        return calls.find(callSid).map(call -> {
            transcript.system("outbound call" + (call.plan().profile() == null ? ""
                    : " with profile " + SafeText.of(call.plan().profile()))
                    + (call.plan().context().isEmpty() ? "" : "; context: " + SafeText.line(call.plan().context())));
            return opening(call);
        });
    }

    /**
     * The one place a placed call's plan becomes its opening. The plan's {@code profile} name is carried but not
     * applied here: assistant profiles choose the instructions, voice and greeting a profile names.
     */
    Opening opening(OutboundCall call) {
        OutboundPlan plan = call.plan();
        return new Opening(plan.context().isEmpty() ? settings.sessionUpdate()
                : settings.sessionUpdate("Context for this call, which you placed: " + plan.context()),
                List.of(), AssistantSettings.greetingSaying(plan.greeting()),
                new AnswerWait.Plan(call, config.amdWait(), action, config.voicemailMessage(), metrics));
    }
}
