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
    private final AssistantProfiles profiles;
    private final OutboundMetrics metrics;
    private final VoicemailAction action;
    private final OutboundConfig config;

    OutboundOpening(OutboundCalls calls, AssistantProfiles profiles, OutboundMetrics metrics, OutboundConfig config) {
        this.calls = calls;
        this.profiles = profiles;
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

    /** The profile of {@code callSid} when this replica placed it: the one its request named. */
    Optional<AssistantProfile> profileOf(CallSid callSid) {
        return calls.find(callSid).map(call -> profileOf(call.plan()));
    }

    private AssistantProfile profileOf(OutboundPlan plan) {
        return profiles.named(plan.profile()).orElseGet(profiles::defaultProfile);
    }

    /**
     * The one place a placed call's plan becomes its opening: the profile it names (the default profile when it names
     * none, or one PROFILES_FILE does not have), the request's context added to its instructions, the request's
     * greeting.
     */
    Opening opening(OutboundCall call) {
        OutboundPlan plan = call.plan();
        AssistantProfile named = profileOf(plan);
        AssistantProfile profile = plan.context().isEmpty() ? named
                : named.withContext(plan.context());
        return new Opening(profile, List.of(), AssistantProfile.greetingSaying(plan.greeting()),
                new AnswerWait.Plan(call, config.amdWait(), action, config.voicemailMessage(), metrics));
    }
}
