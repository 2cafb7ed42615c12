package dev.aivoicebot.bench;

/**
 * What a benchmark caller says, frame by frame (20 ms): silence through the greeting, then a 7 s cycle of
 * a question (1.5 s), silence until the answer has started (1.4 s; the turn ends after the service's 0.9 s
 * of silence), a barge-in during the answer (0.8 s), and silence through the answer to it (3.3 s). The start
 * is offset per call, so speech is spread over time as on a real trunk; same offsets as {@link LoadScript}.
 */
final class CallerCycle {

    static final int CYCLE_FRAMES = (1500 + 1400 + 800 + 3300) / 20;
    private static final int QUESTION_END = 1500 / 20;
    private static final int BARGE_IN_START = (1500 + 1400) / 20;
    private static final int BARGE_IN_END = (1500 + 1400 + 800) / 20;

    private final int leadFrames;

    CallerCycle(int callIndex) {
        long offsetMs = (callIndex * 997L) % (CYCLE_FRAMES * 20L);
        this.leadFrames = (int) ((4500 + offsetMs) / 20);
    }

    boolean speech(int frame) {
        if (frame < leadFrames) {
            return false;
        }
        int at = (frame - leadFrames) % CYCLE_FRAMES;
        return at < QUESTION_END || (at >= BARGE_IN_START && at < BARGE_IN_END);
    }
}
