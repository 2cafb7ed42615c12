package dev.aivoicebot.call;

import dev.aivoicebot.openai.RealtimeClient;
import dev.aivoicebot.transcript.TranscriptStore;
import dev.aivoicebot.transcript.TranscriptWriter;
import dev.aivoicebot.twilio.CallSid;
import dev.aivoicebot.twilio.TwilioStream;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Starts a call when Twilio's {@code start} arrives: transcript first, then the OpenAI session. */
@ApplicationScoped
public class CallStarter {

    private final RealtimeClient realtime;
    private final TranscriptStore transcripts;
    private final AssistantSettings settings;
    private final CallRegistry registry;

    CallStarter(RealtimeClient realtime, TranscriptStore transcripts, AssistantSettings settings,
            CallRegistry registry) {
        this.realtime = realtime;
        this.transcripts = transcripts;
        this.settings = settings;
        this.registry = registry;
    }

    public CallSession start(CallSid callSid, TwilioStream twilio, String from, String to) {
        TranscriptWriter transcript = transcripts.open(callSid, Instant.now());
        transcript.system("call started from " + orUnknown(from) + " to " + orUnknown(to));
        CallSession call = new CallSession(callSid, twilio, transcript, settings, registry);
        registry.add(call);
        realtime.connect(call).subscribe().with(call::upstreamOpened, call::upstreamFailed);
        return call;
    }

    private static String orUnknown(String number) {
        return number == null || number.isBlank() ? "unknown" : number;
    }
}
