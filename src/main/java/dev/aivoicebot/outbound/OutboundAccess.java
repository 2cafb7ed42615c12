package dev.aivoicebot.outbound;

import dev.aivoicebot.safety.RateLimiter;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * Who may place calls: the endpoint must be enabled, the client must present {@code CALLS_API_KEY} (compared in
 * constant time), and a key may place at most {@code OUTBOUND_RATE_LIMIT_REQUESTS} per period. Failed logins have
 * a budget of their own per client address, so nobody guesses keys at full speed; they never use up the key's
 * budget. Status requests are authenticated the same way but do not count against the budget.
 */
@Singleton
class OutboundAccess {

    /** Wrong keys a client address may present per period before it gets 429 whatever it sends. */
    static final int AUTH_FAILURES = 10;

    private final boolean enabled;
    private final byte[] expectedKey;
    private final RateLimiter perKey;
    private final RateLimiter authFailures;

    OutboundAccess(OutboundConfig config) {
        this.enabled = config.enabled();
        this.expectedKey = config.apiKey().filter(key -> !key.isBlank())
                .map(key -> key.getBytes(StandardCharsets.UTF_8)).orElse(null);
        this.perKey = new RateLimiter(config.rateLimitRequests(), config.rateLimitPeriod(), System::nanoTime);
        this.authFailures = new RateLimiter(AUTH_FAILURES, config.rateLimitPeriod(), System::nanoTime);
    }

    /** Throws the refusal for a status request, or returns when it may be answered. */
    void checkReader(String authorization, String client) {
        if (!enabled) {
            throw new OutboundException(Response.Status.NOT_FOUND, "disabled",
                    "outbound calls are disabled on this server (OUTBOUND_ENABLED=false)");
        }
        if (expectedKey != null) {
            checkKey(authorization, client);
        }
    }

    /** Throws the refusal for a request to place a call, or returns when it may go ahead. */
    void checkCaller(String authorization, String client) {
        checkReader(authorization, client);
        // One key, one budget; an open endpoint (no key, never in production) budgets per client address.
        long retryAfter = perKey.acquire(expectedKey != null ? "key" : client);
        if (retryAfter > 0) {
            throw new OutboundException(Response.Status.TOO_MANY_REQUESTS, "rate_limited",
                    "too many calls; retry in " + retryAfter + " s", Map.of("Retry-After", Long.toString(retryAfter)));
        }
    }

    private void checkKey(String authorization, String client) {
        // Before the comparison: a client out of tries must learn nothing from its next guess, right or wrong.
        long lockedOut = authFailures.peek(client);
        if (lockedOut > 0) {
            throw new OutboundException(Response.Status.TOO_MANY_REQUESTS, "rate_limited",
                    "too many failed authentications; retry in " + lockedOut + " s",
                    Map.of("Retry-After", Long.toString(lockedOut)));
        }
        if (!keyMatches(authorization)) {
            authFailures.acquire(client);
            throw new OutboundException(Response.Status.UNAUTHORIZED, "unauthorized",
                    "send the calls API key as 'Authorization: Bearer <key>'",
                    Map.of("WWW-Authenticate", "Bearer realm=\"calls\""));
        }
    }

    private boolean keyMatches(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] presented = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(presented, expectedKey); // constant time
    }
}
