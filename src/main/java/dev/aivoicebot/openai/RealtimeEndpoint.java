package dev.aivoicebot.openai;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.event.Observes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Decides where a call's Realtime session goes: OpenAI, or the embedded emulator when there is no API key
 * (or {@code emulator.enabled=true}), so that the service runs end to end on a machine with no account.
 */
@ApplicationScoped
public class RealtimeEndpoint {

    private static final Logger LOG = Logger.getLogger(RealtimeEndpoint.class);
    /** The emulator wants a bearer token, like OpenAI; without a key we send this placeholder. */
    private static final String EMULATOR_TOKEN = "local-emulator";

    private final OpenAiConfig openAi;
    private final boolean useEmulator;
    private final String localPath;

    RealtimeEndpoint(OpenAiConfig openAi, Instance<LocalRealtimeServer> local) {
        this.openAi = openAi;
        LocalRealtimeServer server = local.isResolvable() ? local.get() : null;
        this.useEmulator = server != null && server.answersCalls();
        this.localPath = server == null ? null : server.path();
    }

    void announce(@Observes StartupEvent event) {
        if (useEmulator) {
            LOG.warn("*** Calls go to the BUILT-IN REALTIME EMULATOR, not OpenAI"
                    + (openAi.key().isEmpty() ? " (OPENAI_API_KEY is not set)" : " (emulator.enabled=true)")
                    + ". The assistant will echo callers back. ***");
        } else {
            LOG.infof("Calls go to %s with model %s", openAi.realtimeUrl(), openAi.realtimeModel());
        }
    }

    public boolean usesEmulator() {
        return useEmulator;
    }

    /** The WebSocket URL for a new session, model included as the API expects. */
    public String url() {
        String base = useEmulator ? "ws://127.0.0.1:" + localPort() + localPath : openAi.realtimeUrl();
        return base + (base.contains("?") ? "&" : "?") + "model="
                + URLEncoder.encode(openAi.realtimeModel(), StandardCharsets.UTF_8);
    }

    public String bearerToken() {
        return openAi.key().orElse(EMULATOR_TOKEN);
    }

    /** Read at connect time: with port 0 (tests) the real port is only known once the server is bound. */
    private static int localPort() {
        String property = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
        return ConfigProvider.getConfig().getValue(property, Integer.class);
    }
}
