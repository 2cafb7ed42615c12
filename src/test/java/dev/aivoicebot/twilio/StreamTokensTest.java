package dev.aivoicebot.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aivoicebot.safety.CallSid;
import dev.aivoicebot.twilio.StreamTokens.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StreamTokensTest {

    private static final byte[] SECRET = "0123456789abcdef-secret".getBytes(StandardCharsets.UTF_8);
    private static final String CALL = "CA0123456789abcdef0123456789abcdef";
    private final MutableClock clock = new MutableClock();
    private final StreamTokens tokens = new StreamTokens(SECRET, 60, clock);

    @Test
    void aFreshTokenIsAcceptedOnceForItsCall() {
        String token = tokens.mint(new CallSid(CALL));
        assertEquals(Verdict.ACCEPTED, tokens.check(token, CALL));
        assertEquals(Verdict.REUSED, tokens.check(token, CALL));
    }

    @Test
    void anotherReplicaWithTheSameSecretAcceptsIt() {
        String token = tokens.mint(new CallSid(CALL));
        assertEquals(Verdict.ACCEPTED, new StreamTokens(SECRET, 60, clock).check(token, CALL));
    }

    @Test
    void expiredForgedMissingAndForeignTokensAreRefused() {
        String token = tokens.mint(new CallSid(CALL));
        assertEquals(Verdict.INVALID, tokens.check(token, "CA" + "1".repeat(32)));
        assertEquals(Verdict.INVALID, tokens.check(token.substring(0, token.length() - 2) + "AA", CALL));
        assertEquals(Verdict.INVALID, tokens.check("v1.99999999999.x", CALL));
        assertEquals(Verdict.INVALID, tokens.check("garbage", CALL));
        assertEquals(Verdict.INVALID, new StreamTokens("another-secret-0123".getBytes(StandardCharsets.UTF_8), 60, clock)
                .check(token, CALL));
        assertEquals(Verdict.MISSING, tokens.check(null, CALL));
        assertEquals(Verdict.MISSING, tokens.check("", CALL));
        clock.now = clock.now.plusSeconds(61);
        assertEquals(Verdict.EXPIRED, tokens.check(token, CALL));
    }

    @Test
    void aShortSecretIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new StreamToken(new byte[8]));
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-24T10:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
