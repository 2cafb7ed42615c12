package dev.aivoicebot.speech;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** What the {@link FakeSpeechServer} answers to a valid, authorized request. */
@FunctionalInterface
public interface FakeSpeechScript {

    /** The exchange being answered, with the server's counters and the latch that frees a hung answer. */
    record Exchange(HttpExchange http, CountDownLatch release, AtomicLong bytesWritten, AtomicInteger completed,
            AtomicInteger aborted) {
    }

    void play(Exchange exchange) throws IOException;

    /** The audio bytes the fake sends: a fixed pattern, so tests can check every byte arrived in order. */
    static byte[] audioBytes(long offset, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) ((offset + i) % 251);
        }
        return bytes;
    }

    /**
     * 200 with {@code chunks} chunks of {@code chunkBytes}, {@code delay} apart, under a deliberately generic type.
     * A write failing means the client closed or reset the connection: the response counts as aborted.
     */
    static FakeSpeechScript audio(int chunks, int chunkBytes, Duration delay) {
        return exchange -> {
            exchange.http().getResponseHeaders().set("Content-Type", "application/octet-stream");
            exchange.http().sendResponseHeaders(200, 0); // 0 = chunked
            OutputStream out = exchange.http().getResponseBody();
            try {
                writeChunks(exchange, out, chunks, chunkBytes, delay);
                out.close();
            } catch (IOException e) {
                exchange.aborted().incrementAndGet();
                throw e;
            }
            exchange.completed().incrementAndGet();
        };
    }

    /** An OpenAI-style JSON error. */
    static FakeSpeechScript error(int status, String message, Map<String, String> headers) {
        return exchange -> FakeSpeechServer.answer(exchange.http(), status, headers,
                FakeSpeechServer.openAiError(message, "test_error"));
    }

    /** Never answers (until the test resets the fake). */
    static FakeSpeechScript hang() {
        return exchange -> FakeSpeechServer.await(exchange.release());
    }

    /** Sends 200 and its headers, then nothing. */
    static FakeSpeechScript stallAfterHeaders() {
        return exchange -> {
            exchange.http().sendResponseHeaders(200, 0);
            exchange.http().getResponseBody().flush();
            FakeSpeechServer.await(exchange.release());
        };
    }

    /** Promises twice the audio it sends, then drops the connection: a transfer broken mid-stream. */
    static FakeSpeechScript cutAfter(int chunks, int chunkBytes, Duration delay) {
        return exchange -> {
            exchange.http().sendResponseHeaders(200, 2L * chunks * chunkBytes);
            OutputStream out = exchange.http().getResponseBody();
            writeChunks(exchange, out, chunks, chunkBytes, delay);
            sleep(delay);
            throw new IOException("fake cut the connection"); // the JDK server then closes the socket
        };
    }

    private static void writeChunks(Exchange exchange, OutputStream out, int chunks, int chunkBytes, Duration delay)
            throws IOException {
        for (int i = 0; i < chunks; i++) {
            if (i > 0) {
                sleep(delay);
            }
            out.write(audioBytes((long) i * chunkBytes, chunkBytes));
            out.flush();
            exchange.bytesWritten().addAndGet(chunkBytes);
        }
    }

    private static void sleep(Duration delay) throws IOException {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
