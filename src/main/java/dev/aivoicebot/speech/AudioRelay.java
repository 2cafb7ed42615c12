package dev.aivoicebot.speech;

import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.jboss.logging.Logger;

/**
 * Copies OpenAI's audio to the caller as it arrives, flushing every chunk so none waits in our buffers.
 * Memory stays at one small buffer: while the caller reads slowly, our writes block and the upstream
 * connection is paused behind them.
 */
final class AudioRelay implements StreamingOutput {

    private static final Logger LOG = Logger.getLogger(AudioRelay.class);
    private static final int BUFFER_BYTES = 16 * 1024;

    private final UpstreamAudio upstream;
    private final SpeechMetrics.Timing timing;
    private final HttpServerResponse caller;

    /** {@code caller} is the raw response behind the output stream, to notice and cause a broken connection. */
    AudioRelay(UpstreamAudio upstream, SpeechMetrics.Timing timing, HttpServerResponse caller) {
        this.upstream = upstream;
        this.timing = timing;
        this.caller = caller;
    }

    @Override
    public void write(OutputStream out) throws IOException {
        try (InputStream audio = upstream.stream()) {
            byte[] buffer = new byte[BUFFER_BYTES];
            for (int n = readFirst(audio, buffer); n != -1; n = audio.read(buffer)) {
                out.write(buffer, 0, n);
                out.flush();
                timing.firstByte();
                if (caller.closed()) { // writes to a closed connection vanish without an error
                    throw new IOException("the caller closed the connection");
                }
            }
            timing.finish(SpeechOutcome.OK);
        } catch (IOException | RuntimeException e) {
            if (e instanceof SpeechException) {
                throw e;
            }
            // Mid-stream the status is long gone. Left alone, the server would end the chunked body cleanly
            // and pass a truncated file off as complete; cutting the connection shows the caller it broke.
            caller.reset();
            timing.finish(SpeechOutcome.STREAM_ABORTED);
            LOG.infof("speech stream aborted after the first bytes: %s", e.getMessage());
            throw e;
        }
    }

    /** The first read decides the status: until something was written, a failure can still be a proper error. */
    private int readFirst(InputStream audio, byte[] buffer) {
        SpeechException failure;
        try {
            int n = audio.read(buffer);
            if (n != -1) {
                return n;
            }
            failure = new SpeechException(SpeechOutcome.UPSTREAM_ERROR, "speech service returned no audio");
        } catch (IOException | RuntimeException e) {
            failure = upstream.failureBeforeAudio(e);
        }
        timing.finish(failure.outcome());
        throw failure;
    }
}
