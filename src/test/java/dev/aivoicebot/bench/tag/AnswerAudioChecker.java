package dev.aivoicebot.bench.tag;

/**
 * Checks the answer audio one caller receives. Order and duplicates come from the fake's per-session frame
 * number. Loss is judged per response, because a barge-in legitimately drops the rest of the interrupted
 * answer: no frame of a response may be missing before the last one that arrived of it. For a response that
 * ran to completion that last one is its {@link FrameTag#LAST} frame, so the whole response must arrive; an
 * interrupted one may lose its tail. Audio of a response that was
 * playing when a {@code clear} came must not follow the clear (the caller would hear stale speech).
 *
 * <p>Limit: a completed response whose LAST frame itself is lost looks interrupted, so its tail is not
 * counted as lost. Not thread-safe: one call, one thread.
 */
public final class AnswerAudioChecker {

    private final SequenceChecker order = new SequenceChecker(0);
    private int current = -1;
    private long currentReceived;
    private int currentMaxIndex = -1;
    private int clearedUpTo = -1;
    private long lost;
    private long afterClear;

    /** True when this is the first frame seen of a new response (its arrival is the answer's start). */
    public boolean accept(FrameTag tag) {
        SequenceChecker.Arrival arrival = order.accept(tag.seq());
        if (arrival == SequenceChecker.Arrival.DUPLICATE) {
            return false;
        }
        if (tag.response() <= clearedUpTo) {
            afterClear++;
        }
        if (tag.response() < current) {
            return false; // a late frame of an earlier response: counted as reordered above
        }
        boolean first = tag.response() > current;
        if (first) {
            settle();
            current = tag.response();
            currentReceived = 0;
            currentMaxIndex = -1;
        }
        currentReceived++;
        currentMaxIndex = Math.max(currentMaxIndex, tag.frameInResponse());
        return first;
    }

    /** Twilio {@code clear}: what has arrived of the current response, and anything earlier, is finished. */
    public void clear() {
        clearedUpTo = current;
    }

    /** Counts the current response's losses now (end of the call or of the measurement). */
    public void settle() {
        if (current >= 0) {
            lost += Math.max(0, currentMaxIndex + 1 - currentReceived);
            currentReceived = currentMaxIndex + 1; // settled: not counted twice
        }
    }

    public long received() {
        return order.received();
    }

    public long lost() {
        return lost;
    }

    public long duplicated() {
        return order.duplicated();
    }

    public long reordered() {
        return order.reordered();
    }

    /** Frames of a cleared response that arrived after the clear. */
    public long afterClear() {
        return afterClear;
    }
}
