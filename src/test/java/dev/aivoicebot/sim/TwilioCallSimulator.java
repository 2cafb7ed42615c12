package dev.aivoicebot.sim;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * Plays Twilio's side of phone calls against the running service over real sockets: the signed
 * voice webhook, the TwiML it answers, and the signed Media Stream that follows. One instance can run
 * many calls at once; they share one HTTP client and one pacing thread, so hundreds stay cheap.
 *
 * <pre>{@code
 * try (var twilio = new TwilioCallSimulator(SimulatorConfig.of(localUrl, "https://voice.example.test", token));
 *      var call = twilio.placeCall(CallerScript.builder().silence(200).speech(800).thenSilenceUntilHangUp())) {
 *     call.awaitAudio(8000, Duration.ofSeconds(5));
 * }
 * }</pre>
 */
public final class TwilioCallSimulator implements AutoCloseable {

    private final SimulatorConfig config;
    private final HttpClient http;
    private final ScheduledThreadPoolExecutor clock;
    private final Set<SimulatedCall> liveCalls = ConcurrentHashMap.newKeySet();

    public TwilioCallSimulator(SimulatorConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(config.timeout()).build();
        this.clock = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "twilio-sim-clock");
            thread.setDaemon(true);
            return thread;
        });
        // Mark-echo timers are cancelled and replaced all the time; don't let dead ones pile up in the queue.
        clock.setRemoveOnCancelPolicy(true);
    }

    public SimulatorConfig config() {
        return config;
    }

    /** A new call's identifiers on the configured account. */
    public CallIdentity newCall() {
        return CallIdentity.random(config.accountSid());
    }

    /** Places a whole call: webhook, TwiML, stream. Fails clearly if any step is not what Twilio needs. */
    public SimulatedCall placeCall(CallerScript script) {
        return placeCall(newCall(), script);
    }

    public SimulatedCall placeCall(CallIdentity call, CallerScript script) {
        return openStream(call, postVoiceWebhook(call).twiml(), script);
    }

    /** Only the webhook step, for tests of the webhook itself (status, signature check, TwiML). */
    public VoiceWebhookResponse postVoiceWebhook(CallIdentity call) {
        return VoiceWebhook.post(http, config, call);
    }

    /** Only the stream step: connects to where {@code twiml} points, mapped onto the local server. */
    public SimulatedCall openStream(CallIdentity call, ConnectStreamTwiml twiml, CallerScript script) {
        URI local = config.localStreamUri(twiml.streamUrl());
        // Twilio signs the upgrade over the wss:// URL exactly as the TwiML wrote it, with no parameters.
        String signature = config.authToken().map(token -> new TwilioSigner(token).sign(twiml.streamUrl())).orElse(null);
        SimulatedCall simulated = SimulatedCall.start(call, twiml, script, local, signature, http, clock, config,
                liveCalls::remove);
        liveCalls.add(simulated);
        if (simulated.isEnded()) {
            liveCalls.remove(simulated);  // it ended before it was added
        }
        return simulated;
    }

    /** Hangs up every call still running and stops the pacing thread. */
    @Override
    public void close() {
        liveCalls.forEach(SimulatedCall::hangUp);
        clock.shutdown();
    }
}
