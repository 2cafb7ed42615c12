package dev.aivoicebot.bench;

import dev.aivoicebot.sim.CallerScript;

/**
 * What each benchmark caller says: listen to the greeting, then a 7 s cycle of a question, the answer,
 * and a barge-in during the answer, repeated until the benchmark hangs up. Callers start the cycle at
 * different offsets so speech is spread over time, as on a real trunk, rather than everyone at once.
 */
final class LoadScript {

    /** Speech, 1.4 s of silence (0.9 s VAD + the answer starting), a barge-in, then the answer to it. */
    static final long CYCLE_MS = 1500 + 1400 + 800 + 3300;

    private LoadScript() {
    }

    /** A script long enough for {@code totalMs}; {@code index} picks the offset into the cycle. */
    static CallerScript forCall(int index, long totalMs) {
        long offset = (index * 997L) % CYCLE_MS; // a fixed spread, so runs are comparable
        CallerScript.Builder script = CallerScript.builder().silence(4500 + offset);
        for (long at = 4500 + offset; at < totalMs; at += CYCLE_MS) {
            script.speech(1500).silence(1400).speech(800).silence(3300);
        }
        return script.thenSilenceUntilHangUp();
    }
}
