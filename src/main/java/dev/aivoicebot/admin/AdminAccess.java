package dev.aivoicebot.admin;

import dev.aivoicebot.safety.RateLimiter;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;

/**
 * Who may read the calls: with {@code ADMIN_API_KEY} set, a request must present it as a bearer token (compared in
 * constant time). A client address that presents {@value #AUTH_FAILURES} wrong keys within a minute gets 429,
 * whatever it sends, until its budget refills, so nobody guesses keys at full speed.
 */
@Singleton
class AdminAccess {

    static final int AUTH_FAILURES = 10;
    private static final Duration AUTH_FAILURE_PERIOD = Duration.ofMinutes(1);

    private final byte[] expectedKey;
    private final RateLimiter authFailures = new RateLimiter(AUTH_FAILURES, AUTH_FAILURE_PERIOD, System::nanoTime);

    AdminAccess(AdminConfig config) {
        this.expectedKey = config.apiKey().filter(key -> !key.isBlank())
                .map(key -> key.getBytes(StandardCharsets.UTF_8)).orElse(null);
    }

    boolean open() {
        return expectedKey == null;
    }

    /** Throws the refusal for this request, or returns when it may be answered. */
    void check(String authorization, String client) {
        if (expectedKey == null) {
            return;
        }
        // Before the comparison: a client out of tries must learn nothing from its next guess, right or wrong.
        long lockedOut = authFailures.peek(client);
        if (lockedOut > 0) {
            throw new AdminException(Response.Status.TOO_MANY_REQUESTS, "rate_limited",
                    "too many failed authentications; retry in " + lockedOut + " s", null,
                    Map.of("Retry-After", Long.toString(lockedOut)));
        }
        if (!keyMatches(authorization)) {
            authFailures.acquire(client);
            throw new AdminException(Response.Status.UNAUTHORIZED, "unauthorized",
                    "send ADMIN_API_KEY as 'Authorization: Bearer <key>'", null,
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
