package dev.aivoicebot.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Everything one simulated call saw and did, with times measured from the moment its stream
 * WebSocket opened. Thread-safe: the socket, the pacing clock and the test thread all write or wait
 * here, and every change wakes the waiters.
 */
public final class CallRecording {

    /** A frame the service sent; {@code event} is the JSON {@code event} field, or {@code (binary)} / {@code (not json)}. */
    public record ReceivedEvent(String event, Duration at, String raw, JsonNode json) {
    }

    /** One decoded {@code media} payload from the service. */
    public record ReceivedAudio(Duration at, byte[] bytes) {
    }

    /** A mark echoed back to the service; {@code flushedByClear} when a clear, not playback, released it. */
    public record MarkEcho(String name, Duration receivedAt, Duration echoedAt, boolean flushedByClear) {
    }

    /** A {@code clear}: how much unplayed audio it dropped and which pending marks it echoed. */
    public record ClearRecord(Duration at, long discardedBytes, List<String> echoedMarks) {
    }

    /** Audio that arrived after a clear, so tests can tell a new answer from stale audio of the old one. */
    public record MediaAfterClear(Duration at, Duration sinceClear, int bytes) {
    }

    /** A message whose streamSid was not this call's. */
    public record StreamSidMismatch(Duration at, String event, String streamSid, String raw) {
    }

    /** Who ended the stream: the service's close frame, the simulated caller, or a broken connection. */
    public enum ClosedBy { SERVICE, SIMULATOR, CONNECTION_LOST }

    /** The first close of the stream; for {@code SIMULATOR} the code and reason are the ones we sent. */
    public record CloseRecord(ClosedBy by, int code, String reason, Duration at) {
    }

    private final boolean keepAudio;
    private volatile long zeroNanos = System.nanoTime();
    private final List<ReceivedEvent> events = new ArrayList<>();
    private final List<ReceivedAudio> audio = new ArrayList<>();
    private final ByteArrayOutputStream receivedAudio = new ByteArrayOutputStream();
    private final ByteArrayOutputStream sentAudio = new ByteArrayOutputStream();
    private final List<MarkEcho> markEchoes = new ArrayList<>();
    private final List<ClearRecord> clears = new ArrayList<>();
    private final List<MediaAfterClear> mediaAfterClear = new ArrayList<>();
    private final List<StreamSidMismatch> mismatches = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private long eventCount;
    private long receivedAudioBytes;
    private long sentAudioBytes;
    private CloseRecord close;

    CallRecording(boolean keepAudio) {
        this.keepAudio = keepAudio;
    }

    void streamOpened() {
        zeroNanos = System.nanoTime();
    }

    Duration at(long nanoTime) {
        return Duration.ofNanos(nanoTime - zeroNanos);
    }

    synchronized void event(ReceivedEvent event) {
        eventCount++;
        if (keepAudio || !"media".equals(event.event())) {
            events.add(event);
        }
        notifyAll();
    }

    synchronized void audio(ReceivedAudio chunk) {
        receivedAudioBytes += chunk.bytes().length;
        if (keepAudio) {
            audio.add(chunk);
            receivedAudio.writeBytes(chunk.bytes());
        }
        notifyAll();
    }

    synchronized void sent(byte[] frame) {
        sentAudioBytes += frame.length;
        if (keepAudio) {
            sentAudio.writeBytes(frame);
        }
    }

    synchronized void markEcho(MarkEcho echo) {
        markEchoes.add(echo);
        notifyAll();
    }

    synchronized void clear(ClearRecord record) {
        clears.add(record);
        notifyAll();
    }

    synchronized void mediaAfterClear(MediaAfterClear record) {
        mediaAfterClear.add(record);
    }

    synchronized void mismatch(StreamSidMismatch record) {
        mismatches.add(record);
    }

    synchronized void problem(String description) {
        problems.add(at(System.nanoTime()).toMillis() + " ms: " + description);
        notifyAll();
    }

    /** Records the first close only: later reports (e.g. the reply to our own close) change nothing. */
    synchronized void closed(ClosedBy by, int code, String reason) {
        if (close == null) {
            close = new CloseRecord(by, code, reason, at(System.nanoTime()));
            notifyAll();
        }
    }

    synchronized boolean isClosed() {
        return close != null;
    }

    synchronized List<ReceivedEvent> events() { return List.copyOf(events); }
    synchronized List<ReceivedAudio> audioChunks() { return List.copyOf(audio); }
    synchronized byte[] receivedAudio() { return receivedAudio.toByteArray(); }
    synchronized long receivedAudioBytes() { return receivedAudioBytes; }
    /** Caller audio sent so far, counted even when audio is not recorded (load runs compare it with the service's counters). */
    synchronized long sentAudioBytes() { return sentAudioBytes; }
    synchronized byte[] sentAudio() { return sentAudio.toByteArray(); }
    synchronized List<MarkEcho> markEchoes() { return List.copyOf(markEchoes); }
    synchronized List<ClearRecord> clears() { return List.copyOf(clears); }
    synchronized List<MediaAfterClear> mediaAfterClear() { return List.copyOf(mediaAfterClear); }
    synchronized List<StreamSidMismatch> mismatches() { return List.copyOf(mismatches); }
    synchronized List<String> problems() { return List.copyOf(problems); }
    synchronized CloseRecord close() { return close; }

    /** Waits until {@code probe} returns non-null, failing the test with a summary after {@code timeout}. */
    synchronized <T> T await(Supplier<T> probe, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (T value = probe.get(); ; value = probe.get()) {
            if (value != null) {
                return value;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("Timed out after " + timeout.toMillis() + " ms waiting for " + what
                        + "; " + summary());
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted waiting for " + what, e);
            }
        }
    }

    /** The first recorded event matching {@code test}, waiting for it if need be. */
    synchronized ReceivedEvent awaitEvent(Predicate<ReceivedEvent> test, Duration timeout, String what) {
        int[] scanned = {0};  // resume the scan where the last wake-up left it
        return await(() -> {
            for (; scanned[0] < events.size(); scanned[0]++) {
                if (test.test(events.get(scanned[0]))) {
                    return events.get(scanned[0]);
                }
            }
            return null;
        }, timeout, what);
    }

    synchronized String summary() {
        return "received " + eventCount + " events (" + receivedAudioBytes + " audio bytes), "
                + markEchoes.size() + " mark echoes, " + clears.size() + " clears, close=" + close
                + ", problems=" + problems;
    }
}
