package dev.aivoicebot.call;

import dev.aivoicebot.metrics.CallMetrics;
import dev.aivoicebot.safety.CallSid;
import dev.aivoicebot.safety.SafeText;
import dev.aivoicebot.tools.CallInfo;
import dev.aivoicebot.transcript.TranscriptStore;
import dev.aivoicebot.transcript.TranscriptWriter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Starts a call when Twilio's {@code start} arrives: transcript first, then the OpenAI session. */
@ApplicationScoped
public class CallStarter {

    private final TranscriptStore transcripts;
    private final CallEnvironment env;
    private final CallMetrics metrics;
    private final OutboundOpening outbound;
    private final AssistantProfiles profiles;

    CallStarter(TranscriptStore transcripts, CallEnvironment env, CallMetrics metrics, OutboundOpening outbound,
            AssistantProfiles profiles) {
        this.transcripts = transcripts;
        this.env = env;
        this.metrics = metrics;
        this.outbound = outbound;
        this.profiles = profiles;
    }

    /**
     * The call, answered by the profile of the number dialed (a call we placed: the profile its request named);
     * empty when this CallSid already has a stream on this replica (nothing is opened then).
     */
    public Optional<CallSession> start(CallSid callSid, CallerLine twilio, String from, String to) {
        if (!env.registry.claim(callSid)) {
            return Optional.empty();
        }
        TranscriptWriter transcript = transcripts.open(callSid, Instant.now());
        transcript.system("call started from " + orUnknown(from) + " to " + orUnknown(to));
        AssistantProfile profile = profileFor(callSid, to);
        Opening opening = env.transfers.takeReturn(callSid).map(back -> {
            transcript.system("back from a transfer to " + back.target() + " nobody answered");
            return new Opening(profile, back.history(), env.settings.nobodyAnswered(back.target()));
        }).or(() -> outbound.of(callSid, transcript))
                .orElseGet(() -> new Opening(profile, List.of(), profile.greeting()));
        if (profiles.fromFile()) {
            transcript.system("profile " + opening.profile().name());
        }
        CallSession call = new CallSession(callSid, twilio, transcript, env, metrics.callStarted(),
                new CallInfo(callSid.value(), from, to), opening);
        env.registry.add(call);
        call.begin();
        return Optional.of(call);
    }

    /**
     * The profile that answers {@code callSid}, a call to {@code to}: for a call we placed the one its request named,
     * else the one of the number dialed. The webhook asks it too (the recording notice), so the two agree.
     */
    public AssistantProfile profileFor(CallSid callSid, String to) {
        return outbound.profileOf(callSid).orElseGet(() -> profiles.forNumber(to));
    }

    /** The numbers come from the stream's {@code start}: short fields, cleaned like any text from outside. */
    private static String orUnknown(String number) {
        String safe = SafeText.of(number);
        return safe.isEmpty() ? "unknown" : safe;
    }
}
