package dev.aivoicebot.call;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What of the assistant's audio was sent to Twilio, what the caller has heard, and what to cut when the
 * caller interrupts (docs/protocol.md, "Barge-in").
 *
 * <p>Every audio chunk we forward is followed by a uniquely named {@code mark}; Twilio echoes it when the
 * chunk has played, so echoes move the "played" point forward. A {@code clear} makes Twilio echo every
 * pending mark at once without playing it, so marks pending at a clear are forgotten and their late echoes
 * ignored. The truncate point is the played point plus the time since it was confirmed, never more than
 * what was sent. Not thread-safe: one call owns one tracker and calls it under its own lock.
 */
public final class PlaybackTracker {

    /** μ-law at 8 kHz: one byte per sample, 8 samples per millisecond. */
    static final int BYTES_PER_MS = 8;
    /** How many interrupted responses we remember, to drop their late deltas and label their transcripts. */
    private static final int REMEMBERED_INTERRUPTIONS = 8;

    private final Map<String, MarkPoint> pendingMarks = new HashMap<>();
    private final ArrayDeque<String> interruptedResponses = new ArrayDeque<>();
    private long markSequence;

    private String activeResponseId;
    private String itemId;
    private long bytesSent;
    private long msPlayed;
    private long playedConfirmedAtMs;

    public void responseCreated(String responseId) {
        activeResponseId = responseId;
    }

    public void responseDone(String responseId) {
        if (responseId != null && responseId.equals(activeResponseId)) {
            activeResponseId = null;
        }
    }

    /**
     * An audio delta arrived. Returns the name of the mark to send after forwarding it, or null when the
     * delta belongs to an interrupted response and must be dropped.
     */
    public String audioDelta(String responseId, String deltaItemId, int audioBytes, long nowMs) {
        if (responseId != null && interruptedResponses.contains(responseId)) {
            return null;
        }
        if (bytesSent == 0 || !Objects.equals(itemId, deltaItemId)) {
            startItem(deltaItemId, nowMs);
        }
        bytesSent += audioBytes;
        String mark = "m" + (++markSequence);
        pendingMarks.put(mark, new MarkPoint(itemId, msSent()));
        return mark;
    }

    /** Twilio echoed a mark: the audio sent before it has played (unless we cleared it first). */
    public void markEchoed(String name, long nowMs) {
        MarkPoint point = pendingMarks.remove(name);
        if (point != null && Objects.equals(point.itemId(), itemId) && point.msSent() > msPlayed) {
            msPlayed = point.msSent();
            playedConfirmedAtMs = nowMs;
        }
    }

    /** The caller started speaking: the answer stops where the caller is (see {@link #stopAnswer}). */
    public Interruption speechStarted(long nowMs) {
        return stopAnswer(nowMs);
    }

    /**
     * Stops the current answer at {@code nowMs}, whoever stops it (the caller barging in, the service ending the
     * call): decides what to clear, truncate and cancel from what was sent and heard; resets for the next answer.
     */
    public Interruption stopAnswer(long nowMs) {
        boolean unplayedAudio = !pendingMarks.isEmpty();
        boolean generating = activeResponseId != null;
        if (!unplayedAudio && !generating) {
            return Interruption.NONE;
        }
        long sent = msSent();
        long heard = Math.min(sent, msPlayed + (unplayedAudio ? Math.max(0, nowMs - playedConfirmedAtMs) : 0));
        Interruption interruption = new Interruption(unplayedAudio, itemId, itemId == null ? 0 : heard, sent,
                generating ? activeResponseId : null);
        if (generating) {
            rememberInterrupted(activeResponseId);
            activeResponseId = null;
        }
        pendingMarks.clear();
        itemId = null;
        bytesSent = 0;
        msPlayed = 0;
        return interruption;
    }

    /** Forgets everything: the session that produced the audio is gone, or the call is ending. */
    public void reset() {
        pendingMarks.clear();
        activeResponseId = null;
        itemId = null;
        bytesSent = 0;
        msPlayed = 0;
    }

    /** Audio was sent to Twilio that it has not yet confirmed playing. */
    public boolean hasUnplayedAudio() {
        return !pendingMarks.isEmpty();
    }

    public boolean wasInterrupted(String responseId) {
        return responseId != null && interruptedResponses.contains(responseId);
    }

    /** Milliseconds of the current item's audio forwarded to Twilio. */
    public long msSent() {
        return bytesSent / BYTES_PER_MS;
    }

    /** Milliseconds of the current item's audio confirmed played by mark echoes. */
    public long msPlayed() {
        return msPlayed;
    }

    private void startItem(String newItemId, long nowMs) {
        itemId = newItemId;
        bytesSent = 0;
        msPlayed = 0;
        playedConfirmedAtMs = nowMs;
    }

    private void rememberInterrupted(String responseId) {
        if (interruptedResponses.size() == REMEMBERED_INTERRUPTIONS) {
            interruptedResponses.removeFirst();
        }
        interruptedResponses.addLast(responseId);
    }

    /** Where a mark was placed: after {@code msSent} ms of item {@code itemId}. */
    private record MarkPoint(String itemId, long msSent) {
    }

    /**
     * What a barge-in requires: {@code clear} Twilio's buffer, truncate {@code itemId} at {@code audioEndMs}
     * (null item: nothing was sent), cancel {@code responseId} (null: nothing is generating).
     */
    public record Interruption(boolean clear, String itemId, long audioEndMs, long msSent, String responseId) {
        public static final Interruption NONE = new Interruption(false, null, 0, 0, null);

        public boolean happened() {
            return clear || itemId != null || responseId != null;
        }
    }
}
