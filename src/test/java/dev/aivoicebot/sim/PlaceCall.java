package dev.aivoicebot.sim;

import java.time.Duration;

/**
 * Places one simulated phone call against a running service, from the command line:
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.aivoicebot.sim.PlaceCall</pre>
 * Arguments (all optional): local base URL (default http://localhost:3000), the service's PUBLIC_BASE_URL
 * (default: the local URL), Twilio auth token (default: $TWILIO_AUTH_TOKEN). The caller listens to the
 * greeting (4.5 s), speaks for 1.5 s, listens to the answer, then hangs up; the transcript is in the service's LOG_DIR.
 */
public final class PlaceCall {

    private PlaceCall() {
    }

    public static void main(String[] args) throws Exception {
        String local = args.length > 0 ? args[0] : "http://localhost:3000";
        String publicBase = args.length > 1 ? args[1] : local;
        String token = args.length > 2 ? args[2] : System.getenv("TWILIO_AUTH_TOKEN");
        CallerScript script = CallerScript.builder().silence(4500).speech(1500).silence(5000).thenHangUp();
        try (TwilioCallSimulator twilio = new TwilioCallSimulator(config(local, publicBase, token))) {
            placeAndReport(dial(twilio, publicBase, script), local, script);
        }
    }

    /**
     * A local dev service (PUBLIC_BASE_URL http://…) writes a ws:// stream URL, which real Twilio would refuse;
     * the demo accepts it by treating the origin as https, which changes nothing else on loopback.
     */
    public static SimulatorConfig config(String local, String publicBase, String token) {
        boolean localDev = publicBase.startsWith("http://");
        String twilioSeen = localDev ? "https://" + publicBase.substring("http://".length()) : publicBase;
        return SimulatorConfig.of(local, twilioSeen, token == null || token.isBlank() ? null : token);
    }

    /** Webhook, TwiML, stream: one call following {@code script}. */
    public static SimulatedCall dial(TwilioCallSimulator twilio, String publicBase, CallerScript script) {
        CallIdentity identity = twilio.newCall();
        String body = twilio.postVoiceWebhook(identity).body();
        boolean localDev = publicBase.startsWith("http://");
        ConnectStreamTwiml twiml = ConnectStreamTwiml.parse(localDev ? body.replace("url=\"ws://", "url=\"wss://") : body);
        return twilio.openStream(identity, twiml, script);
    }

    private static void placeAndReport(SimulatedCall call, String local, CallerScript script) {
        try (call) {
            System.out.printf("Calling %s as %s (CallSid %s)%n", local, call.identity().from(), call.identity().callSid());
            System.out.printf("TwiML stream: %s%n", call.twiml().streamUrl());
            CallRecording.CloseRecord close = call.awaitClose(Duration.ofMillis(script.scriptedMs() + 10_000));
            System.out.printf("Sent %.1f s of caller audio, received %.1f s of assistant audio, %d clear(s)%n",
                    call.sentAudio().length / 8000.0, call.receivedAudio().length / 8000.0, call.clears().size());
            System.out.printf("Stream closed by %s with %d; transcript: <LOG_DIR>/*_%s.txt%n", close.by(), close.code(),
                    call.identity().callSid());
            if (!call.problems().isEmpty()) {
                System.out.println("Protocol problems: " + call.problems());
                System.exit(1);
            }
        }
    }
}
