package dev.aivoicebot.events;

import dev.aivoicebot.tools.ToolsConfig;
import dev.aivoicebot.transcript.CallDetails;
import dev.aivoicebot.transcript.CallEndListener;
import dev.aivoicebot.transcript.CallFileName;
import dev.aivoicebot.transcript.TranscriptFile;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The business webhook: with {@code CALL_EVENTS_URL} set, each call that ends becomes a {@code call.ended} event,
 * put in the outbox as soon as its details are written (on the transcript I/O thread, in order with them) and
 * delivered by {@link CallEventDelivery}. Without the URL nothing is put or sent.
 */
@Singleton
public class CallEvents implements CallEndListener {

    private static final Logger LOG = Logger.getLogger(CallEvents.class);

    private final Optional<URI> url;
    private final Outbox outbox;
    private final CallEventDelivery delivery;

    CallEvents(CallEventsConfig config, ToolsConfig tools, Outbox outbox, CallEventMetrics metrics) {
        Optional<String> secret = config.signingSecret().filter(s -> !s.isBlank())
                .or(() -> tools.signingSecret().filter(s -> !s.isBlank()));
        problem(LaunchMode.current(), config, secret).ifPresent(problem -> {
            throw new ConfigurationException(problem);
        });
        this.url = config.url();
        this.outbox = outbox;
        this.delivery = url.map(u -> new CallEventDelivery(outbox,
                new CallEventSender(u, secret, config.timeout(), Clock.systemUTC()), metrics,
                new CallEventDelivery.Policy(config.maxAttempts(), config.maxAge(), config.retryDelay(),
                        config.timeout()), Clock.systemUTC())).orElse(null);
        if (url.isPresent() && secret.isEmpty()) {
            LOG.warn("CALL_EVENTS_SIGNING_SECRET (or TOOLS_SIGNING_SECRET) is not set: call events are sent unsigned"
                    + " (refused in production)");
        }
    }

    /** Delivers what the outbox holds (what an earlier run left, too) from start on. */
    void start(@Observes StartupEvent event) {
        if (delivery != null) {
            LOG.infof("Call events: each ended call is POSTed to %s", url.get().getHost());
            delivery.start();
        }
    }

    /** After the transcripts are drained (priority 10 000), so every ended call's event is in the outbox. */
    void stop(@Observes @Priority(11_000) ShutdownEvent event) {
        if (delivery != null) {
            delivery.stop();
        }
    }

    @Override
    public void ended(Path dir, CallFileName name, CallDetails details) {
        if (delivery == null) {
            return;
        }
        try {
            CallEndedEvent callEnded = CallEndedEvent.of(details,
                    TranscriptFile.readFrom(name.transcript(dir), 0, 0).lines());
            outbox.put(name, callEnded.toJson());
        } catch (IOException e) {
            LOG.errorf("Call event for %s could not be put in the outbox: %s", name.callSid(),
                    e.getClass().getSimpleName());
            return;
        }
        delivery.wake();
    }

    /** Why the service must not start with these settings, if it must not. */
    static Optional<String> problem(LaunchMode mode, CallEventsConfig config, Optional<String> secret) {
        if (config.url().isEmpty()) {
            return Optional.empty();
        }
        URI url = config.url().get();
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            return Optional.of("CALL_EVENTS_URL must be an absolute http:// or https:// URL.");
        }
        if (secret.isPresent() && secret.get().getBytes(StandardCharsets.UTF_8).length < 16) {
            return Optional.of("CALL_EVENTS_SIGNING_SECRET (or TOOLS_SIGNING_SECRET, which signs events when it is"
                    + " unset) must be at least 16 characters.");
        }
        if (mode == LaunchMode.NORMAL && secret.isEmpty()) {
            return Optional.of("CALL_EVENTS_URL is set but no secret signs the events: in production every event must"
                    + " be signed so the business can reject forged ones. Set CALL_EVENTS_SIGNING_SECRET (or"
                    + " TOOLS_SIGNING_SECRET) to a random value of at least 16 characters.");
        }
        if (config.maxAttempts() < 1 || !positive(config.retryDelay()) || !positive(config.timeout())
                || !positive(config.maxAge())) {
            return Optional.of("CALL_EVENTS_MAX_ATTEMPTS must be at least 1, and CALL_EVENTS_RETRY_DELAY,"
                    + " CALL_EVENTS_TIMEOUT and CALL_EVENTS_MAX_AGE positive durations.");
        }
        return Optional.empty();
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }
}
