package dev.aivoicebot.twilio;

import dev.aivoicebot.safety.CallSid;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Mints the per-call stream token the webhook passes as a {@code <Parameter>}, and checks it when the stream
 * starts: valid, unexpired, and not used before by a stream of this call (remembered on this replica until it
 * expires, which bounds the memory).
 */
@ApplicationScoped
public class StreamTokens {

    public static final String PARAMETER = "streamToken";

    /** What a start's token check decided, and how a refused stream is closed. */
    public enum Verdict {
        ACCEPTED(null), MISSING(StreamClose.TOKEN_MISSING), INVALID(StreamClose.TOKEN_INVALID),
        EXPIRED(StreamClose.TOKEN_EXPIRED), REUSED(StreamClose.TOKEN_REUSED);

        private final StreamClose close;

        Verdict(StreamClose close) {
            this.close = close;
        }

        /** The close for a refused token; null for {@code ACCEPTED}. */
        public StreamClose close() {
            return close;
        }
    }

    private final StreamToken token;
    private final long ttlSeconds;
    private final Clock clock;
    private final Map<String, Long> used = new ConcurrentHashMap<>();

    @Inject
    StreamTokens(TwilioConfig config) {
        this(secret(config), config.streamTokenTtl().toSeconds(), Clock.systemUTC());
    }

    StreamTokens(byte[] secret, long ttlSeconds, Clock clock) {
        this.token = new StreamToken(secret);
        this.ttlSeconds = ttlSeconds;
        this.clock = clock;
    }

    public String mint(CallSid callSid) {
        return token.mint(callSid, now() + ttlSeconds);
    }

    public Verdict check(String presented, String callSid) {
        if (presented == null || presented.isEmpty()) {
            return Verdict.MISSING;
        }
        long now = now();
        switch (token.check(presented, callSid, now)) {
            case INVALID -> {
                return Verdict.INVALID;
            }
            case EXPIRED -> {
                return Verdict.EXPIRED;
            }
            case VALID -> {
            }
        }
        used.values().removeIf(expiry -> expiry < now);
        boolean firstUse = used.putIfAbsent(callSid + "|" + presented, now + ttlSeconds + 1) == null;
        return firstUse ? Verdict.ACCEPTED : Verdict.REUSED;
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    /** The configured secret (its length checked at start by {@link SignatureStartupCheck}), else a random one. */
    private static byte[] secret(TwilioConfig config) {
        if (config.streamTokenSecret().isPresent()) {
            return config.streamTokenSecret().get().getBytes(StandardCharsets.UTF_8);
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return random;
    }
}
