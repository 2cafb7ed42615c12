package dev.aivoicebot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

class ClientErrorLogTest {

    private long now = TimeUnit.HOURS.toNanos(3);
    private final ClientErrorLog log = new ClientErrorLog(Logger.getLogger(ClientErrorLogTest.class), Logger.Level.INFO,
            "Refused a thing", Duration.ofMinutes(1), () -> now);

    @Test
    void theFirstErrorIsWrittenAtOnce() {
        assertEquals("Refused a thing", log.lineNow());
    }

    @Test
    void errorsWithinTheMinuteAreOnlyCountedAndTheNextLineSaysHowMany() {
        log.lineNow();
        for (int i = 0; i < 500; i++) {
            advance(Duration.ofMillis(100));
            assertNull(log.lineNow());
        }
        advance(Duration.ofSeconds(10));
        assertEquals("Refused a thing (and 500 more since the last such line)", log.lineNow());
        assertNull(log.lineNow());
    }

    @Test
    void aLoneErrorAfterAQuietSpellIsWrittenPlain() {
        log.lineNow();
        advance(Duration.ofMinutes(5));
        assertEquals("Refused a thing", log.lineNow());
    }

    private void advance(Duration duration) {
        now += duration.toNanos();
    }
}
