package dev.aivoicebot.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds many simulated calls open at once against a running service, for load and memory measurements
 * ({@code bench/native-vs-jvm.sh} runs it):
 * <pre>java -cp … dev.aivoicebot.sim.HoldCalls http://127.0.0.1:3000 https://voice.example.test TOKEN 50 15</pre>
 * Arguments: local base URL, the service's PUBLIC_BASE_URL, Twilio auth token ("" for none), number of calls,
 * seconds to keep them all up. Every caller listens to the greeting, speaks for 1.5 s, listens to the answer and
 * stays on the line until the end. Prints one line once all calls are up and one at the end; exits 1 if any call
 * did not get both greeting and answer.
 */
public final class HoldCalls {

    /** Greeting plus an answer at least as long as what the caller said (the emulator plays it back). */
    private static final int HEARD_BYTES = (1500 + 1500) * CallerScript.BYTES_PER_MS;

    private HoldCalls() {
    }

    public static void main(String[] args) throws Exception {
        String local = args[0];
        String publicBase = args[1];
        String token = args[2].isBlank() ? null : args[2];
        int count = Integer.parseInt(args[3]);
        Duration hold = Duration.ofSeconds(Long.parseLong(args[4]));
        SimulatorConfig config = SimulatorConfig.of(local, publicBase, token).withRecordAudio(false);
        CallerScript script = CallerScript.builder().silence(3500).speech(1500).silence(2000).thenSilenceUntilHangUp();
        try (TwilioCallSimulator twilio = new TwilioCallSimulator(config)) {
            List<SimulatedCall> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                calls.add(twilio.placeCall(script));
            }
            System.out.printf("ALL_CALLS_UP %d%n", calls.size());
            Thread.sleep(hold.toMillis());
            int answered = 0;
            for (SimulatedCall call : calls) {
                try {
                    call.awaitAudio(HEARD_BYTES, Duration.ofSeconds(10));
                    answered += call.problems().isEmpty() && !call.isEnded() ? 1 : 0;
                } catch (AssertionError | RuntimeException e) {
                    System.out.println("Call " + call.identity().callSid() + ": " + e.getMessage());
                }
            }
            calls.forEach(SimulatedCall::hangUp);
            System.out.printf("DONE %d of %d calls heard greeting and answer and stayed up%n", answered, count);
            System.exit(answered == count ? 0 : 1);
        }
    }
}
