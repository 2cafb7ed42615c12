package dev.aivoicebot.outbound;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Calls the service places ({@code POST /calls}); the environment names are in EnvironmentNames. */
@ConfigMapping(prefix = "outbound")
public interface OutboundConfig {

    /** Serve {@code POST /calls} at all; off by default, since it dials phones and spends money. */
    @WithDefault("false")
    boolean enabled();

    /** The bearer key {@code POST /calls} and {@code GET /calls/{sid}/status} require; production refuses to start without it. */
    Optional<String> apiKey();

    /** E.164 patterns a destination must match ({@code +1555*}: a prefix, {@code +15550100}: one number); none: nothing allowed. */
    Optional<List<String>> allowed();

    /** Numbers of the Twilio account a call may come from; the first is the default. */
    Optional<List<String>> from();

    /** What the assistant says first when a person answers, unless the request brings its own greeting. */
    @WithDefault("Hello, this is the virtual assistant calling. Do you have a moment?")
    String greeting();

    /** How long the greeting waits for Twilio's answering-machine result before greeting anyway. */
    @WithDefault("4s")
    Duration amdWait();

    /** {@code message}: leave {@code voicemail-message} after the beep; {@code hangup}: hang up on a machine. */
    @WithDefault("message")
    String voicemailAction();

    /** Said to an answering machine after its beep, then the call hangs up. */
    @WithDefault("Hello, this is the virtual assistant. Please call us back when you have a moment. Goodbye.")
    String voicemailMessage();

    /** Calls a key may place per {@code rate-limit-period}, and its largest burst. */
    @WithDefault("10")
    int rateLimitRequests();

    /** The period the per-key budget refills over. */
    @WithDefault("1m")
    Duration rateLimitPeriod();
}
