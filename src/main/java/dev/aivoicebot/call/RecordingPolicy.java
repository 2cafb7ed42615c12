package dev.aivoicebot.call;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Whether a call is recorded, decided in one place for each assistant profile: the webhook puts the consent notice
 * before the stream of a recorded profile's call, and the call starts the recording, so the two never disagree. A
 * recording is a request to Twilio's REST API, so {@code RECORDING=dual} without call control is off, and the
 * start-up log says so.
 */
@ApplicationScoped
public class RecordingPolicy {

    private static final Logger LOG = Logger.getLogger(RecordingPolicy.class);
    private static final Pattern KEY = Pattern.compile("[0-9*#]");

    private final boolean configured;
    private final boolean on;
    private final String notice;
    private final Optional<String> pauseKey;
    private final CallControl control;

    RecordingPolicy(RecordingConfig config, CallControl control) {
        String mode = config.mode().strip();
        if (!mode.equals("off") && !mode.equals("dual")) {
            throw new ConfigurationException("RECORDING must be off or dual (was '" + mode + "')");
        }
        this.configured = mode.equals("dual");
        this.notice = config.notice().strip();
        if (configured && notice.isEmpty()) {
            throw new ConfigurationException("RECORDING_NOTICE may not be empty when RECORDING=dual: callers must hear "
                    + "that the call is recorded");
        }
        this.pauseKey = config.pauseKey().map(String::strip).filter(key -> !key.isEmpty());
        if (pauseKey.isPresent() && !KEY.matcher(pauseKey.get()).matches()) {
            throw new ConfigurationException("RECORDING_PAUSE_KEY must be one key, 0-9, * or # (was '"
                    + pauseKey.get() + "'), or empty for none");
        }
        this.control = control;
        this.on = configured && control.available();
    }

    void announce(@Observes StartupEvent event) {
        if (on) {
            LOG.infof("Recording is on (dual channels): callers first hear \"%s\"; %s", notice, pauseKey
                    .map(key -> "the caller's " + key + " key and the model's pause_recording/resume_recording pause it")
                    .orElse("the model's pause_recording/resume_recording pause it"));
        } else if (configured) {
            LOG.warn("RECORDING=dual but Twilio call control is off: calls are not recorded and callers hear no notice");
        }
    }

    /**
     * Whether a call whose profile says {@code mode} ({@code off}, {@code dual}, or nothing: as RECORDING says) is
     * recorded. The one decision: its profile carries the answer to the webhook (the notice) and to the call (the
     * recording), so the two never disagree.
     */
    public boolean recorded(Optional<String> mode) {
        return mode.map(chosen -> chosen.equals("dual") && control.available()).orElse(on);
    }

    /** What a recorded call's caller hears first. */
    public String notice() {
        return notice;
    }

    /** The key that pauses and resumes the recording; empty when there is none. */
    public Optional<String> pauseKey() {
        return pauseKey;
    }
}
