package dev.aivoicebot.softphone;

import dev.aivoicebot.call.CallLimitsConfig;
import dev.aivoicebot.safety.CallSid;
import dev.aivoicebot.twilio.StreamToken;
import dev.aivoicebot.twilio.TwilioConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The two credentials of a demo call, HMACs over its CallSid and an expiry: the upgrade ticket (single use,
 * short-lived) and the transcript key (valid as long as a call can last). Their keys are derived from
 * STREAM_TOKEN_SECRET, one per purpose, so neither is ever a valid stream token and any replica verifies them.
 */
@ApplicationScoped
class DemoCredentials {

    private final StreamToken tickets;
    private final StreamToken transcriptKeys;
    private final long ticketTtlSeconds;
    private final long transcriptTtlSeconds;
    private final Clock clock;
    private final Map<String, Long> usedTickets = new ConcurrentHashMap<>();

    @Inject
    DemoCredentials(TwilioConfig twilio, SoftphoneConfig config, CallLimitsConfig limits) {
        this(twilio.streamTokenSecret().map(s -> s.getBytes(StandardCharsets.UTF_8)).orElseGet(DemoCredentials::random),
                config.ticketTtl().toSeconds(), limits.maxDuration().toSeconds() + 300, Clock.systemUTC());
    }

    DemoCredentials(byte[] secret, long ticketTtlSeconds, long transcriptTtlSeconds, Clock clock) {
        this.tickets = new StreamToken(derive(secret, "softphone-stream-ticket"));
        this.transcriptKeys = new StreamToken(derive(secret, "softphone-transcript-key"));
        this.ticketTtlSeconds = ticketTtlSeconds;
        this.transcriptTtlSeconds = transcriptTtlSeconds;
        this.clock = clock;
    }

    String ticket(CallSid callSid) {
        return tickets.mint(callSid, now() + ticketTtlSeconds);
    }

    String transcriptKey(CallSid callSid) {
        return transcriptKeys.mint(callSid, now() + transcriptTtlSeconds);
    }

    /** True once per valid, unexpired ticket. */
    boolean acceptTicket(String callSid, String ticket) {
        long now = now();
        if (!CallSid.isValid(callSid) || tickets.check(ticket, callSid, now) != StreamToken.Check.VALID) {
            return false;
        }
        usedTickets.values().removeIf(expiry -> expiry < now);
        return usedTickets.putIfAbsent(ticket, now + ticketTtlSeconds + 1) == null;
    }

    boolean acceptTranscriptKey(String callSid, String key) {
        return CallSid.isValid(callSid) && transcriptKeys.check(key, callSid, now()) == StreamToken.Check.VALID;
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    private static byte[] derive(byte[] secret, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    private static byte[] random() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }
}
