package dev.aivoicebot.speech;

import dev.aivoicebot.safety.SafeText;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Copies OpenAI's audio to the caller as it arrives, flushing every chunk so none waits in our buffers.
 * Memory stays at one small buffer: while the caller reads slowly, our writes block and the upstream
 * connection is paused behind them. When the caller hangs up, the upstream transfer is dropped at once.
 */
final class AudioRelay implements StreamingOutput {

    private static final Logger LOG = Logger.getLogger(AudioRelay.class);
    private static final int BUFFER_BYTES = 16 * 1024;
    private static final long CUT_WAIT_MS = 2000;

    private final UpstreamAudio upstream;
    private final SpeechMetrics.Timing timing;
    private final RoutingContext routing;
    private final HttpServerResponse caller;
    private final HttpConnection connection;
    private volatile boolean callerGone;

    /** {@code routing} is the raw exchange: its response is behind the output stream, its connection can be cut. */
    AudioRelay(UpstreamAudio upstream, SpeechMetrics.Timing timing, RoutingContext routing) {
        this.upstream = upstream;
        this.timing = timing;
        this.routing = routing;
        this.caller = routing.response();
        this.connection = routing.request().connection();
    }

    @Override
    public void write(OutputStream out) throws IOException {
        watchCaller();
        try (InputStream audio = upstream.stream()) {
            byte[] buffer = new byte[BUFFER_BYTES];
            for (int n = readFirst(audio, buffer); n != -1; n = audio.read(buffer)) {
                out.write(buffer, 0, n);
                out.flush();
                timing.firstByte();
                if (caller.closed()) { // writes to a closed connection vanish without an error
                    callerGone();
                    throw new IOException("the caller closed the connection");
                }
            }
            timing.finish(SpeechOutcome.OK);
        } catch (IOException | RuntimeException e) {
            if (e instanceof SpeechException) {
                throw e;
            }
            boolean hungUp = callerGone; // read before cut(), whose close counts as the caller's going too
            // Mid-stream the status is long gone. Left alone, the server would end the chunked body cleanly
            // and pass a truncated file off as complete; cutting the connection shows the caller it broke.
            cut();
            timing.finish(SpeechOutcome.STREAM_ABORTED);
            if (hungUp) { // the caller's choice, counted in the metrics; one line each would let callers fill the log
                LOG.debugf("speech stream dropped: the caller hung up");
            } else {
                LOG.infof("speech stream aborted after the first bytes: %s", SafeText.of(e.getMessage()));
            }
            throw e;
        }
    }

    /**
     * Drops the upstream transfer the moment the caller's connection closes, rather than when the next chunk finds
     * it closed: a worker blocked waiting for OpenAI is freed at once, and no audio is downloaded for nobody.
     */
    private void watchCaller() {
        routing.addEndHandler(end -> {
            if (end.failed()) {
                callerGone();
            }
        });
        if (caller.closed()) { // closed before the handler was in place
            callerGone();
        }
    }

    private void callerGone() {
        callerGone = true;
        upstream.abort();
    }

    /**
     * Closes the connection and waits until it is closed. Once we throw, the framework ends the response; had the
     * close not happened by then, its final chunk could still slip out first (a race the native binary lost).
     */
    private void cut() {
        try {
            connection.close().toCompletionStage().toCompletableFuture().get(CUT_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.debugf("closing the caller's connection: %s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The first read decides the status: until something was written, a failure can still be a proper error. */
    private int readFirst(InputStream audio, byte[] buffer) throws IOException {
        SpeechException failure;
        try {
            int n = audio.read(buffer);
            if (n != -1) {
                return n;
            }
            failure = new SpeechException(SpeechOutcome.UPSTREAM_ERROR, "speech service returned no audio");
        } catch (IOException | RuntimeException e) {
            if (callerGone) { // we dropped the transfer: no one is left to tell
                throw new IOException("the caller closed the connection", e);
            }
            failure = upstream.failureBeforeAudio(e);
        }
        timing.finish(failure.outcome());
        throw failure;
    }
}
