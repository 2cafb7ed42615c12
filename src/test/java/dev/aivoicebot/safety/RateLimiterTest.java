package dev.aivoicebot.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private long now = TimeUnit.HOURS.toNanos(5);
    private final RateLimiter limiter = new RateLimiter(3, Duration.ofMinutes(1), () -> now);

    @Test
    void allowsABurstOfTheWholeBudgetThenSaysWhenToRetry() {
        assertEquals(0, limiter.acquire("a"));
        assertEquals(0, limiter.acquire("a"));
        assertEquals(0, limiter.acquire("a"));
        assertEquals(20, limiter.acquire("a"));
        advance(Duration.ofSeconds(5));
        assertEquals(15, limiter.acquire("a"));
    }

    @Test
    void refillsOneRequestPerInterval() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("a");
        }
        advance(Duration.ofSeconds(20));
        assertEquals(0, limiter.acquire("a"));
        assertEquals(20, limiter.acquire("a"));
        advance(Duration.ofMinutes(1));
        assertEquals(0, limiter.acquire("a"));
        assertEquals(0, limiter.acquire("a"));
        assertEquals(0, limiter.acquire("a"));
    }

    @Test
    void keepsClientsApart() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("a");
        }
        assertEquals(0, limiter.acquire("b"));
    }

    @Test
    void refusedRequestsDoNotDeepenTheDebt() {
        for (int i = 0; i < 10; i++) {
            limiter.acquire("a");
        }
        advance(Duration.ofSeconds(20));
        assertEquals(0, limiter.acquire("a"));
    }

    @Test
    void peekingAnswersLikeAcquiringWithoutTakingAnything() {
        assertEquals(0, limiter.peek("a"));
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limiter.peek("a"));
            limiter.acquire("a");
        }
        assertEquals(20, limiter.peek("a"));
        assertEquals(20, limiter.peek("a"));
        advance(Duration.ofSeconds(20));
        assertEquals(0, limiter.peek("a"));
        assertEquals(0, limiter.acquire("a"));
        assertEquals(20, limiter.peek("a"));
    }

    @Test
    void roundsShortWaitsUpToOneSecond() {
        RateLimiter fast = new RateLimiter(1, Duration.ofMillis(100), () -> now);
        fast.acquire("a");
        assertEquals(1, fast.acquire("a"));
    }

    @Test
    void rejectsANonsenseBudget() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(0, Duration.ofMinutes(1), () -> now));
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(1, Duration.ZERO, () -> now));
    }

    private void advance(Duration duration) {
        now += duration.toNanos();
    }
}
