package dev.aivoicebot.speech;

import java.time.Duration;

/**
 * OpenAI's audio as it arrives. Remembers when it was requested because a connection closed for silence
 * looks like any other closed connection: only the time that passed tells a timeout (504) apart.
 */
record UpstreamAudio(AbortableBody stream, long requestedAtNanos, Duration readTimeout) {

    /** Stops the download, e.g. because the caller has gone; a read blocked on the stream fails. Any thread. */
    void abort() {
        stream.abort();
    }

    /** What the caller should see when the upstream failed before the first audio byte. */
    SpeechException failureBeforeAudio(Throwable failure) {
        return failure(failure, requestedAtNanos, readTimeout);
    }

    static SpeechException failure(Throwable failure, long requestedAtNanos, Duration readTimeout) {
        boolean silentTooLong = System.nanoTime() - requestedAtNanos >= readTimeout.toNanos();
        return UpstreamFailures.fromTransport(failure, silentTooLong);
    }
}
