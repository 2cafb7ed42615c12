package dev.aivoicebot.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivoicebot.ServiceLog;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Anyone can send stream upgrades: a flood of refused ones is 403 each, but not a log line each. */
@QuarkusTest
class StreamUpgradeRefusalLogTest {

    private static final String REFUSED = "Rejected a media stream upgrade";

    @TestHTTPResource("/")
    URI base;

    @Test
    void refusedUpgradesLeaveAtMostOneLineAMinute() {
        ServiceLog log = ServiceLog.mark();
        for (int i = 0; i < 50; i++) {
            CompletionException refused = assertThrows(CompletionException.class,
                    () -> RawStream.openWithSignature(base, null));
            assertEquals(403, ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());
        }
        String logged = log.sinceMark();
        long lines = logged.lines().filter(l -> l.contains(REFUSED)).count();
        assertTrue(lines <= 1, () -> lines + " lines for 50 refused upgrades:\n" + logged);
        assertFalse(ServiceLog.hasStackTrace(logged), logged);
    }
}
