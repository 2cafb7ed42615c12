package dev.aivoicebot.sim;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Places one simulated phone call against a running service, from the command line:
 * <pre>./mvnw -q test-compile      # once, before starting quarkus:dev (compiling later would restart it)
 * ./mvnw -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.aivoicebot.sim.PlaceCall</pre>
 * Arguments (all optional): local base URL (default http://localhost:3000), the service's PUBLIC_BASE_URL
 * (default: the local URL), Twilio auth token (default: $TWILIO_AUTH_TOKEN), the service's LOG_DIR (default
 * logs). The caller listens to the greeting (4.5 s), speaks for 1.5 s, listens to the answer, then hangs up.
 * Exits 0 when the call went through and ended cleanly, 1 otherwise, saying why.
 */
public final class PlaceCall {

    private PlaceCall() {
    }

    /** Why a call could not be placed, said to the person running the command. */
    static final class CallFailed extends RuntimeException {
        CallFailed(String message) {
            super(message);
        }
    }

    public static void main(String[] args) {
        CallerScript script = CallerScript.builder().silence(4500).speech(1500).silence(5000).thenHangUp();
        System.exit(run(args, script, System.out) ? 0 : 1);
    }

    /** The command, with the caller's script as a parameter: true when the call went through and ended cleanly. */
    static boolean run(String[] args, CallerScript script, PrintStream out) {
        String local = args.length > 0 ? args[0] : "http://localhost:3000";
        String publicBase = args.length > 1 ? args[1] : local;
        String token = args.length > 2 ? args[2] : System.getenv("TWILIO_AUTH_TOKEN");
        Path logDir = Path.of(args.length > 3 ? args[3] : "logs");
        try (TwilioCallSimulator twilio = new TwilioCallSimulator(config(local, publicBase, token))) {
            return placeAndReport(twilio, publicBase, script, logDir, out);
        } catch (RuntimeException | AssertionError e) {
            out.println("Call failed: " + e.getMessage());
            return false;
        }
    }

    /** Twilio's view of the service: it signs requests over exactly the public URL the service checks. */
    public static SimulatorConfig config(String local, String publicBase, String token) {
        return SimulatorConfig.of(local, publicBase, token == null || token.isBlank() ? null : token);
    }

    /**
     * Webhook, TwiML, stream: one call following {@code script}. A service on a local {@code http://} origin
     * writes a {@code ws://} stream URL, which real Twilio would refuse; the simulator connects to it anyway.
     */
    public static SimulatedCall dial(TwilioCallSimulator twilio, String publicBase, CallerScript script) {
        CallIdentity identity = twilio.newCall();
        VoiceWebhookResponse answer = twilio.postVoiceWebhook(identity);
        if (answer.status() != 200) {
            throw new CallFailed("the webhook answered HTTP " + answer.status() + (answer.status() == 403
                    ? ": the signature was refused; pass the service's TWILIO_AUTH_TOKEN and PUBLIC_BASE_URL"
                    : "") + " " + answer.body().strip());
        }
        ConnectStreamTwiml twiml = publicBase.startsWith("http://") ? ConnectStreamTwiml.parseLocal(answer.body())
                : ConnectStreamTwiml.parse(answer.body());
        return twilio.openStream(identity, twiml, script);
    }

    private static boolean placeAndReport(TwilioCallSimulator twilio, String publicBase, CallerScript script,
            Path logDir, PrintStream out) {
        try (SimulatedCall call = dial(twilio, publicBase, script)) {
            out.printf("Calling %s as %s (CallSid %s)%n", twilio.config().localBaseUrl(), call.identity().from(),
                    call.identity().callSid());
            out.printf("Media stream: %s%n", call.twiml().streamUrl());
            CallRecording.CloseRecord close = call.awaitClose(Duration.ofMillis(script.scriptedMs() + 10_000));
            out.printf("Sent %.1f s of caller audio, received %.1f s of assistant audio, %d clear(s)%n",
                    call.sentAudio().length / 8000.0, call.receivedAudio().length / 8000.0, call.clears().size());
            out.printf("Stream closed by %s with %d%s%n", close.by(), close.code(),
                    close.reason() == null || close.reason().isEmpty() ? "" : " (" + close.reason() + ")");
            out.println(transcript(logDir, call.identity().callSid())
                    .map(file -> "Transcript: " + file)
                    .orElse("Transcript: <LOG_DIR>/*_" + call.identity().callSid() + ".txt (not found under " + logDir
                            + "; pass the service's LOG_DIR as the fourth argument)"));
            if (!call.problems().isEmpty()) {
                out.println("Protocol problems: " + call.problems());
                return false;
            }
            boolean clean = close.code() == 1000 && call.receivedAudio().length > 0;
            if (!clean) {
                out.println("Call failed: the stream did not end normally with assistant audio");
            }
            return clean;
        }
    }

    /** The call's transcript file, once the service has written it (it closes it right after the stream). */
    static Optional<Path> transcript(Path logDir, String callSid) {
        for (int attempt = 0; attempt < 20; attempt++) {
            if (Files.isDirectory(logDir)) {
                try (Stream<Path> files = Files.list(logDir)) {
                    Optional<Path> found = files.filter(f -> f.getFileName().toString().endsWith("_" + callSid + ".txt"))
                            .findFirst();
                    if (found.isPresent()) {
                        return found;
                    }
                } catch (IOException e) {
                    return Optional.empty();
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
