package dev.aivoicebot.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Places several simulated calls at once against a running service: for the Prometheus check
 * ({@code kubernetes/monitoring/test}) and for sizing memory under load.
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.aivoicebot.sim.PlaceCalls \
 *     -Dexec.args="http://localhost:3000 20"</pre>
 * Arguments: local base URL, number of calls (default 4), seconds each call lasts at least (default 12), then
 * PUBLIC_BASE_URL and Twilio auth token as for {@link PlaceCall}. Calls take turns in three scripts: one turn
 * answered, the greeting interrupted (a barge-in), two turns. Exits non-zero on any protocol problem.
 */
public final class PlaceCalls {

    private PlaceCalls() {
    }

    public static void main(String[] args) throws Exception {
        String local = args.length > 0 ? args[0] : "http://localhost:3000";
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        long seconds = args.length > 2 ? Long.parseLong(args[2]) : 12;
        String publicBase = args.length > 3 ? args[3] : local;
        String token = args.length > 4 ? args[4] : System.getenv("TWILIO_AUTH_TOKEN");
        List<SimulatedCall> calls = new ArrayList<>();
        try (TwilioCallSimulator twilio = new TwilioCallSimulator(PlaceCall.config(local, publicBase, token))) {
            for (int i = 0; i < count; i++) {
                calls.add(PlaceCall.dial(twilio, publicBase, script(i, seconds * 1000)));
                Thread.sleep(150); // a realistic arrival pattern, not one burst
            }
            int problems = 0;
            for (SimulatedCall call : calls) {
                call.awaitClose(Duration.ofSeconds(seconds + 30));
                problems += call.problems().size();
                System.out.printf("%s: sent %.1f s, received %.1f s of audio, %d clear(s)%s%n", call.identity().callSid(),
                        call.sentAudio().length / 8000.0, call.receivedAudio().length / 8000.0, call.clears().size(),
                        call.problems().isEmpty() ? "" : ", problems: " + call.problems());
            }
            System.out.printf("%d call(s) placed, %d protocol problem(s)%n", count, problems);
            if (problems > 0) {
                System.exit(1);
            }
        }
    }

    private static CallerScript script(int index, long totalMs) {
        return switch (index % 3) {
            case 0 -> CallerScript.builder().silence(4500).speech(1200).silence(rest(totalMs, 5700)).thenHangUp();
            case 1 -> CallerScript.builder().silence(600).speech(900).silence(rest(totalMs, 1500)).thenHangUp();
            default -> CallerScript.builder().silence(4500).speech(1000).silence(3500).speech(800)
                    .silence(rest(totalMs, 9800)).thenHangUp();
        };
    }

    /** Silence after the last words: long enough to hear the answer, and to last {@code totalMs} in all. */
    private static long rest(long totalMs, long spokenMs) {
        return Math.max(3000, totalMs - spokenMs);
    }
}
