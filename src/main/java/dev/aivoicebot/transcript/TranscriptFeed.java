package dev.aivoicebot.transcript;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of one watched call as they are written: a late subscriber first gets the lines so far (bounded),
 * then the new ones; the stream completes after the call's last line.
 */
public final class TranscriptFeed {

    static final int MAX_LINES = 500;

    private final List<TranscriptLine> lines = new ArrayList<>();
    private final List<MultiEmitter<? super TranscriptLine>> subscribers = new ArrayList<>();
    private final long createdAtNanos;
    private boolean started;
    private long closedAtNanos = -1;

    TranscriptFeed(long createdAtNanos) {
        this.createdAtNanos = createdAtNanos;
    }

    public Multi<TranscriptLine> lines() {
        return Multi.createFrom().emitter(emitter -> {
            synchronized (this) {
                lines.forEach(emitter::emit);
                if (closedAtNanos >= 0) {
                    emitter.complete();
                    return;
                }
                subscribers.add(emitter);
            }
            emitter.onTermination(() -> unsubscribe(emitter));
        });
    }

    synchronized void started() {
        started = true;
    }

    synchronized void publish(TranscriptLine line) {
        if (closedAtNanos >= 0) {
            return;
        }
        if (lines.size() == MAX_LINES) {
            lines.remove(0);
        }
        lines.add(line);
        subscribers.forEach(emitter -> emitter.emit(line));
    }

    synchronized void close(TranscriptLine last, long nowNanos) {
        publish(last);
        closedAtNanos = nowNanos;
        List<MultiEmitter<? super TranscriptLine>> done = List.copyOf(subscribers);
        subscribers.clear();
        done.forEach(MultiEmitter::complete);
    }

    /** A feed nobody's call used within {@code unusedNanos}, or ended more than {@code endedNanos} ago. */
    synchronized boolean expired(long nowNanos, long unusedNanos, long endedNanos) {
        return closedAtNanos >= 0 ? nowNanos - closedAtNanos > endedNanos
                : !started && nowNanos - createdAtNanos > unusedNanos;
    }

    private synchronized void unsubscribe(MultiEmitter<? super TranscriptLine> emitter) {
        subscribers.remove(emitter);
    }
}
