package dev.aivoicebot.twilio;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;

/**
 * What reading one hot-path message costs, the old way (full binding) beside the new (streaming), in ns per
 * message, on one thread: {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.aivoicebot.twilio.MediaParseCost}. Not a test: the measurement behind
 * TwilioMessageReader (BENCHMARKS.md). Warm-up rounds first; the last round is the figure.
 */
public final class MediaParseCost {

    private static final int MESSAGES = 2_000_000;
    private static volatile Object sink;

    private MediaParseCost() {
    }

    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        TwilioMessageReader reader = new TwilioMessageReader(json);
        String media = "{\"event\":\"media\",\"sequenceNumber\":\"4711\",\"media\":{\"track\":\"inbound\","
                + "\"chunk\":\"4710\",\"timestamp\":\"94200\",\"payload\":\""
                + Base64.getEncoder().encodeToString(new byte[160]) + "\"},\"streamSid\":\"MZ"
                + "0123456789abcdef0123456789abcdef\"}";
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < MESSAGES; i++) {
                sink = json.readValue(media, TwilioInbound.class);
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < MESSAGES; i++) {
                sink = reader.read(media);
            }
            long t2 = System.nanoTime();
            System.out.printf("round %d: Twilio media message bound in full %.0f ns, streamed %.0f ns%n", round,
                    per(t1 - t0), per(t2 - t1));
        }
    }

    private static double per(long nanos) {
        return (double) nanos / MESSAGES;
    }
}
