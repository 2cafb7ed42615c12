package dev.aivoicebot.call;

import dev.aivoicebot.openai.ItemCreate;
import dev.aivoicebot.transcript.TranscriptWriter;
import java.util.List;

/**
 * What was said in the call as text, and what the caller has heard of it: the transcript's customer and
 * assistant lines, the history replayed into a new session, and whether the greeting still needs saying.
 * The service generates faster than real time, so an assistant line waits until its audio has played or been
 * cut off: then the transcript can say whether the caller heard it all.
 *
 * <p>Used under the call's monitor.
 */
final class HeardText {

    private final TranscriptWriter transcript;
    private final ConversationHistory history = new ConversationHistory();
    /** The assistant's last words, held until the caller has heard them or cut them off. */
    private String unheardAssistantText;
    /**
     * The greeting has been heard to its end, or the caller has spoken: a new session need not greet again. Until
     * then a session that dies takes its greeting with it (asking for one counts for nothing, nor does a part
     * that played), and the next session greets.
     */
    private boolean greetingDone;
    /** The current session completed a response (the greeting, first). */
    private boolean responseCompleted;

    /** {@code earlier}: what was said before this stream of the call (empty unless it comes back from a transfer). */
    HeardText(TranscriptWriter transcript, List<ItemCreate> earlier) {
        this.transcript = transcript;
        history.restore(earlier);
    }

    void callerSaid(String text) {
        transcript.customer(text);
        history.caller(text);
        greetingDone = true;
    }

    /** The caller barged in: whatever the greeting's state, they are past it. */
    void callerInterrupted() {
        greetingDone = true;
    }

    /**
     * The transcript of an assistant answer is complete. Written now if its audio has all played or was cut
     * off ({@code interrupted}); else held until {@link #allPlayed} or {@link #flush}.
     */
    void assistantSaid(String text, boolean interrupted, boolean stillPlaying) {
        if (interrupted || !stillPlaying) {
            transcript.assistant(text, interrupted);
            history.assistant(text);
        } else {
            flush(false);
            unheardAssistantText = text;
        }
    }

    /** A response completed; {@code allPlayed}: none of its audio is still waiting to be heard. */
    void responseCompleted(boolean allPlayed) {
        responseCompleted = true;
        greetingDone |= allPlayed;
    }

    /** Everything sent to the caller has played. */
    void allPlayed() {
        greetingDone |= responseCompleted;
        flush(false);
    }

    /** The session dropped: what it completed does not count toward the next one's greeting. */
    void sessionLost() {
        responseCompleted = false;
    }

    boolean needsGreeting() {
        return !greetingDone;
    }

    List<ItemCreate> history() {
        return history.items();
    }

    String lastCallerWords() {
        return history.lastCallerWords();
    }

    /** Writes the held assistant line, marked {@code interrupted} when the caller cut it off. */
    void flush(boolean interrupted) {
        if (unheardAssistantText != null) {
            transcript.assistant(unheardAssistantText, interrupted);
            history.assistant(unheardAssistantText);
            unheardAssistantText = null;
        }
    }
}
