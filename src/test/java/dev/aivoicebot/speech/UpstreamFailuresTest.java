package dev.aivoicebot.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class UpstreamFailuresTest {

    @Test
    void aRefusedConnectionIsAnUpstreamError() {
        assertEquals(SpeechOutcome.UPSTREAM_ERROR,
                UpstreamFailures.fromTransport(new ProcessingException(new ConnectException("refused")), false).outcome());
    }

    @Test
    void timeoutsAnywhereInTheChainAreTimeouts() {
        assertEquals(SpeechOutcome.UPSTREAM_TIMEOUT,
                UpstreamFailures.fromTransport(new ProcessingException(new TimeoutException()), false).outcome());
        assertEquals(SpeechOutcome.UPSTREAM_TIMEOUT,
                UpstreamFailures.fromTransport(new IOException(new SocketTimeoutException()), false).outcome());
    }

    @Test
    void aClosedConnectionAfterLongSilenceIsATimeout() {
        assertEquals(SpeechOutcome.UPSTREAM_TIMEOUT,
                UpstreamFailures.fromTransport(new IOException("Connection was closed"), true).outcome());
    }

    @Test
    void retryAfterIsReadFromSecondsOrMillisAndNeverBelowOneSecond() {
        assertEquals(7, UpstreamFailures.retryAfterSeconds(Response.status(429).header("Retry-After", "7").build()));
        assertEquals(3, UpstreamFailures.retryAfterSeconds(Response.status(429).header("retry-after-ms", "2100").build()));
        assertEquals(1, UpstreamFailures.retryAfterSeconds(Response.status(429).header("Retry-After", "0").build()));
        assertEquals(UpstreamFailures.DEFAULT_RETRY_AFTER_SECONDS,
                UpstreamFailures.retryAfterSeconds(Response.status(429).header("Retry-After", "Wed, 21 Oct 2026 07:28:00 GMT").build()));
        assertEquals(UpstreamFailures.DEFAULT_RETRY_AFTER_SECONDS, UpstreamFailures.retryAfterSeconds(Response.status(429).build()));
    }
}
