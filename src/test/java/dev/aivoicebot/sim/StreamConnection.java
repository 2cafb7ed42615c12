package dev.aivoicebot.sim;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The simulator's end of a Media Stream WebSocket, over the JDK client. It hands whole messages to a
 * {@link Handler} and queues sends, because the JDK allows only one outstanding send per socket
 * while the pacing clock, the mark echoes and the test thread all send.
 */
final class StreamConnection implements WebSocket.Listener {

    interface Handler {
        void onOpen();

        void onText(String text);

        void onBinary(byte[] data);

        void onClose(int code, String reason);

        void onError(Throwable error);
    }

    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
    private Handler handler;
    private WebSocket socket;
    private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);

    /**
     * Opens the socket or throws {@link StreamRejectedException} if the handshake fails. Separate from
     * the constructor so the handler can hold a sender built on this connection before it opens.
     */
    void open(HttpClient client, URI uri, String signatureOrNull, Duration timeout, Handler messageHandler) {
        this.handler = messageHandler;
        WebSocket.Builder builder = client.newWebSocketBuilder().connectTimeout(timeout);
        if (signatureOrNull != null) {
            builder.header("X-Twilio-Signature", signatureOrNull);
        }
        try {
            builder.buildAsync(uri, this).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | CompletionException e) {
            int status = e.getCause() instanceof WebSocketHandshakeException h ? h.getResponse().statusCode() : -1;
            throw new StreamRejectedException(uri, status, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StreamRejectedException(uri, -1, e);
        } catch (TimeoutException e) {
            throw new StreamRejectedException(uri, -1, e);
        }
    }

    synchronized CompletableFuture<?> sendText(String message) {
        return enqueue(() -> socket.sendText(message, true));
    }

    synchronized CompletableFuture<?> sendBinary(byte[] message) {
        return enqueue(() -> socket.sendBinary(ByteBuffer.wrap(message), true));
    }

    synchronized CompletableFuture<?> sendClose(int code, String reason) {
        return enqueue(() -> socket.sendClose(code, reason));
    }

    /** Drops the TCP connection without a close handshake, like a caller's network vanishing. */
    synchronized void abort() {
        socket.abort();
    }

    /** Ends a close handshake the service never answered. */
    synchronized void abortUnlessClosed() {
        if (!socket.isInputClosed()) {
            socket.abort();
        }
    }

    private CompletableFuture<?> enqueue(Supplier<CompletableFuture<WebSocket>> send) {
        // Run each send after the previous one, whether or not that one failed.
        lastSend = lastSend.handle((ignored, error) -> null).thenCompose(ignored -> send.get());
        return lastSend;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        synchronized (this) {
            // Set here, not when buildAsync completes: a message may arrive, and need an answer, first.
            socket = webSocket;
        }
        handler.onOpen();
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            String message = text.toString();
            text.setLength(0);
            handler.onText(message);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] chunk = new byte[data.remaining()];
        data.get(chunk);
        binary.writeBytes(chunk);
        if (last) {
            byte[] message = binary.toByteArray();
            binary.reset();
            handler.onBinary(message);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        // Returning normally lets the JDK answer with a Close of the same code, completing the handshake.
        handler.onClose(statusCode, reason);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        handler.onError(error);
    }
}
