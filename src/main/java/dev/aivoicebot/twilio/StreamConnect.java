package dev.aivoicebot.twilio;

import dev.aivoicebot.call.CallStarter;
import dev.aivoicebot.call.RecordingPolicy;
import dev.aivoicebot.safety.CallSid;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The TwiML that connects a call to our Media Stream, with the call's numbers and a fresh stream token; the caller
 * of a call its profile records (the profile the stream's start will choose) hears the recording notice first.
 */
@ApplicationScoped
class StreamConnect {

    private final PublicEndpoints endpoints;
    private final StreamTokens tokens;
    private final RecordingPolicy recording;
    private final CallStarter calls;

    StreamConnect(PublicEndpoints endpoints, StreamTokens tokens, RecordingPolicy recording, CallStarter calls) {
        this.endpoints = endpoints;
        this.tokens = tokens;
        this.recording = recording;
        this.calls = calls;
    }

    String twiml(CallSid callSid, String from, String to) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("CallSid", callSid.value());
        parameters.put("From", valueOrEmpty(from));
        parameters.put("To", valueOrEmpty(to));
        parameters.put(StreamTokens.PARAMETER, tokens.mint(callSid));
        return Twiml.connectStream(calls.profileFor(callSid, to).recorded() ? recording.notice() : "", endpoints.streamUrl(), parameters);
    }

    /** Twilio caps a Parameter's name+value at 500 characters; phone numbers are far shorter. */
    private static String valueOrEmpty(String value) {
        return value == null ? "" : value.length() > 64 ? value.substring(0, 64) : value;
    }
}
