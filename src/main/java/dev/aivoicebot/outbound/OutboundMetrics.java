package dev.aivoicebot.outbound;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code calls.outbound{outcome}} and {@code calls.voicemail{action}} ({@code calls_outbound_total},
 * {@code calls_voicemail_total} in Prometheus). Bounded tags; every series exists from the start at zero.
 */
@Singleton
@Startup
public class OutboundMetrics {

    /** What became of a request to place a call, and how a placed call ended (its final CallStatus). */
    public enum Outcome {
        /** Twilio created the call. */
        CREATED,
        /** We refused the request: destination or caller ID not allowed, bad body, rate limit. */
        REFUSED,
        /** Twilio refused or did not answer the create request. */
        CREATE_FAILED,
        COMPLETED, BUSY, NO_ANSWER, FAILED, CANCELED;

        String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Map<Outcome, Counter> outcomes = new EnumMap<>(Outcome.class);
    private final Map<VoicemailAction, Counter> voicemail = new EnumMap<>(VoicemailAction.class);

    OutboundMetrics(MeterRegistry registry) {
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, Counter.builder("calls.outbound").tag("outcome", outcome.tag())
                    .description("Outbound call requests and how placed calls ended").register(registry));
        }
        for (VoicemailAction action : VoicemailAction.values()) {
            voicemail.put(action, Counter.builder("calls.voicemail").tag("action", action.tag())
                    .description("Outbound calls answered by a machine, by what was done").register(registry));
        }
    }

    void count(Outcome outcome) {
        outcomes.get(outcome).increment();
    }

    public void voicemail(VoicemailAction action) {
        voicemail.get(action).increment();
    }

    /** The final status of a placed call, counted once. */
    void ended(CallProgress progress) {
        switch (progress) {
            case COMPLETED -> count(Outcome.COMPLETED);
            case BUSY -> count(Outcome.BUSY);
            case NO_ANSWER -> count(Outcome.NO_ANSWER);
            case FAILED -> count(Outcome.FAILED);
            case CANCELED -> count(Outcome.CANCELED);
            default -> {
            }
        }
    }
}
