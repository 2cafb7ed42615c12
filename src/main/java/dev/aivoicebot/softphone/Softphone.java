package dev.aivoicebot.softphone;

import dev.aivoicebot.emulator.RealtimeEmulator;
import dev.aivoicebot.twilio.UpgradeTicket;
import io.quarkus.runtime.LaunchMode;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Whether the browser softphone is on, and the one place its credential opens the Media Stream: a browser
 * cannot sign the upgrade like Twilio, so it presents a short-lived single-use ticket from {@code POST
 * /phone/calls} instead. While the softphone is off, no ticket opens anything.
 */
@ApplicationScoped
public class Softphone implements UpgradeTicket {

    public static final String TICKET_PARAMETER = "ticket";
    public static final String CALL_PARAMETER = "callSid";

    private final boolean enabled;
    private final DemoCredentials credentials;

    Softphone(SoftphoneConfig config, RealtimeEmulator emulator, DemoCredentials credentials) {
        this.enabled = enabled(config.enabled(), LaunchMode.current(), emulator.enabled());
        this.credentials = credentials;
    }

    public boolean enabled() {
        return enabled;
    }

    /** An explicit setting wins; otherwise on in dev mode or when the emulator answers calls. */
    static boolean enabled(Optional<Boolean> setting, LaunchMode mode, boolean emulator) {
        return setting.orElseGet(() -> mode == LaunchMode.DEVELOPMENT || emulator);
    }

    /** Whether this stream upgrade carries a valid, unused ticket of a demo call (never while disabled). */
    @Override
    public boolean admitsUpgrade(HttpServerRequest request) {
        return enabled && credentials.acceptTicket(request.getParam(CALL_PARAMETER), request.getParam(TICKET_PARAMETER));
    }
}
