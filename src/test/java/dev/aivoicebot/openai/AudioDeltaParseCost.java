package dev.aivoicebot.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;

/**
 * What reading one {@code response.output_audio.delta} costs as a JsonNode tree (the old way) beside the streaming
 * {@link AudioDeltaReader}, in ns per event, on one thread: {@code ./mvnw -q test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=dev.aivoicebot.openai.AudioDeltaParseCost}. Not a test: the
 * measurement behind AudioDeltaReader (BENCHMARKS.md). Warm-up rounds first; the last round is the figure.
 */
public final class AudioDeltaParseCost {

    private static final int EVENTS = 1_000_000;
    private static volatile Object sink;

    private AudioDeltaParseCost() {
    }

    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        AudioDeltaReader reader = new AudioDeltaReader(json.getFactory());
        // 100 ms of audio, the size of the emulator's deltas; OpenAI's vary.
        String delta = "{\"type\":\"response.output_audio.delta\",\"event_id\":\"event_C5mJ1Zx\","
                + "\"response_id\":\"resp_C5mJ1\",\"item_id\":\"item_C5mJ1\",\"output_index\":0,\"content_index\":0,"
                + "\"delta\":\"" + Base64.getEncoder().encodeToString(new byte[800]) + "\"}";
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < EVENTS; i++) {
                sink = json.readTree(delta).get("delta").asText();
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < EVENTS; i++) {
                sink = reader.read(delta).delta();
            }
            long t2 = System.nanoTime();
            System.out.printf("round %d: audio delta as a tree %.0f ns, streamed %.0f ns%n", round,
                    (double) (t1 - t0) / EVENTS, (double) (t2 - t1) / EVENTS);
        }
    }
}
