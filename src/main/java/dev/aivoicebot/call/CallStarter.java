package dev.aivoicebot.call;

import dev.aivoicebot.metrics.CallMeter;
import dev.aivoicebot.metrics.CallMetrics;
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
    private final CallMetrics metrics;

    CallStarter(RealtimeClient realtime, TranscriptStore transcripts, AssistantSettings settings,
            CallRegistry registry, CallMetrics metrics) {
        this.realtime = realtime;
        this.transcripts = transcripts;
        this.settings = settings;
        this.registry = registry;
        this.metrics = metrics;
    }

    public CallSession start(CallSid callSid, TwilioStream twilio, String from, String to) {
        TranscriptWriter transcript = transcripts.open(callSid, Instant.now());
        transcript.system("call started from " + orUnknown(from) + " to " + orUnknown(to));
        CallMeter meter = metrics.callStarted();
        CallSession call = new CallSession(callSid, twilio, transcript, settings, registry, meter);
        registry.add(call);
        meter.connecting();
        realtime.connect(call).subscribe().with(call::upstreamOpened, call::upstreamFailed);
        return call;
    }

    private static String orUnknown(String number) {
        return number == null || number.isBlank() ? "unknown" : number;
    }
}
