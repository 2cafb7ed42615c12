package dev.aivoicebot.bench.fake;

import java.util.HashMap;
import java.util.Map;

/**
 * The fake's knobs, given as {@code key=value} arguments.
 *
 * @param port      loopback port to listen on
 * @param thinkMs   from the end of the caller's turn (or {@code response.create}) to the answer's first delta
 * @param answerMs  length of every answer, greeting included
 * @param deltaMs   audio per {@code response.output_audio.delta}, one sent every {@code deltaMs} (real time)
 * @param eventLoops Vert.x event loop threads
 * @param toolMs    0: turns are answered with audio. Otherwise each turn is answered by a call of the tool
 *                  {@value #TOOL_NAME}, and the tool's output by audio; {@code POST /tool} answers after this long
 * @param silenceMs  silence that ends a caller's turn until a {@code session.update} sets
 *                   {@code turn_detection.silence_duration_ms}; OpenAI's default unless given. compare.sh gives
 *                   the service's value, so a client that sets none (the Node sample) sees the same turns
 */
public record FakeOptions(int port, long thinkMs, long answerMs, long deltaMs, int eventLoops, long toolMs,
        int silenceMs) {

    /** The function the fake calls when {@code toolMs} is on; the benchmark's TOOLS_FILE declares it. */
    static final String TOOL_NAME = "bench_wait";

    /** OpenAI's server_vad default for {@code turn_detection.silence_duration_ms}. */
    static final int DEFAULT_SILENCE_MS = 500;

    public static FakeOptions parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("expected key=value, got " + arg);
            }
            given.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        FakeOptions options = new FakeOptions(Integer.parseInt(given.getOrDefault("port", "0")),
                Long.parseLong(given.getOrDefault("think-ms", "0")),
                Long.parseLong(given.getOrDefault("answer-ms", "2000")),
                Long.parseLong(given.getOrDefault("delta-ms", "100")),
                Integer.parseInt(given.getOrDefault("event-loops", "2")),
                Long.parseLong(given.getOrDefault("tool-ms", "0")),
                Integer.parseInt(given.getOrDefault("silence-ms", String.valueOf(DEFAULT_SILENCE_MS))));
        if (options.deltaMs % 20 != 0 || options.answerMs % options.deltaMs != 0) {
            throw new IllegalArgumentException("delta-ms must be a multiple of 20 and divide answer-ms");
        }
        return options;
    }

    boolean tools() {
        return toolMs > 0;
    }

    int framesPerDelta() {
        return (int) (deltaMs / 20);
    }

    int framesPerAnswer() {
        return (int) (answerMs / 20);
    }
}
