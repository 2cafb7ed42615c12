package dev.aivoicebot.speech;

import dev.aivoicebot.safety.RateLimiter;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * Who may spend money through {@code /generate-voice}: the endpoint must be enabled, the caller must
 * present the bearer token when one is configured, and then stay within its rate limit. Refused callers
 * do not use up the request budget, so a stranger cannot exhaust a legitimate client's allowance by failing
 * to log in; failed logins have a budget of their own, so a client cannot guess keys at full speed either.
 */
@Singleton
class SpeechAccessGuard {

    private final boolean enabled;
    private final byte[] expectedToken;
    private final RateLimiter limiter;
    private final RateLimiter authFailures;

    SpeechAccessGuard(SpeechConfig config) {
        this.enabled = config.enabled();
        this.expectedToken = config.apiKey().filter(key -> !key.isBlank()).map(key -> key.getBytes(StandardCharsets.UTF_8)).orElse(null);
        SpeechConfig.RateLimit limit = config.rateLimit();
        this.limiter = limit.enabled() ? new RateLimiter(limit.requests(), limit.period(), System::nanoTime) : null;
        this.authFailures = limit.enabled() ? new RateLimiter(limit.authFailures(), limit.period(), System::nanoTime) : null;
    }

    /** Throws the refusal for this caller, or returns when the request may proceed. */
    void check(String authorization, String client) {
        if (!enabled) {
            throw new SpeechException(SpeechOutcome.DISABLED, "speech generation is disabled on this server");
        }
        if (expectedToken != null) {
            checkToken(authorization, client);
        }
        long retryAfter = limiter == null ? 0 : limiter.acquire(client);
        if (retryAfter > 0) {
            throw SpeechException.retryLater(SpeechOutcome.RATE_LIMITED,
                    "too many requests; retry in " + retryAfter + " s", retryAfter);
        }
    }

    private void checkToken(String authorization, String client) {
        // Before the comparison: a client out of tries must learn nothing from its next guess, right or wrong.
        long lockedOut = authFailures == null ? 0 : authFailures.peek(client);
        if (lockedOut > 0) {
            throw SpeechException.retryLater(SpeechOutcome.RATE_LIMITED,
                    "too many failed authentications; retry in " + lockedOut + " s", lockedOut);
        }
        if (!tokenMatches(authorization)) {
            if (authFailures != null) {
                authFailures.acquire(client);
            }
            throw new SpeechException(SpeechOutcome.UNAUTHORIZED,
                    "send the endpoint's API key as 'Authorization: Bearer <key>'", null,
                    Map.of("WWW-Authenticate", "Bearer realm=\"generate-voice\""));
        }
    }

    private boolean tokenMatches(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] presented = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(presented, expectedToken); // constant time
    }
}
