package dev.aivoicebot.emulator;

import dev.aivoicebot.openai.LocalRealtimeServer;
import dev.aivoicebot.openai.OpenAiConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The embedded OpenAI Realtime GA emulator as the rest of the application sees it: whether it is served, and where. */
@ApplicationScoped
public class RealtimeEmulator implements LocalRealtimeServer {

    /** WebSocket path; connect to {@code ws://localhost:<port>/emulator/v1/realtime?model=…}. */
    public static final String PATH = "/emulator/v1/realtime";

    private final boolean enabled;

    RealtimeEmulator(EmulatorConfig config, OpenAiConfig openAi) {
        this.enabled = enabled(config.enabled(), openAi.key());
    }

    public boolean enabled() {
        return enabled;
    }

    @Override
    public boolean answersCalls() {
        return enabled;
    }

    @Override
    public String path() {
        return PATH;
    }

    /** An explicit setting wins; otherwise the emulator stands in exactly when there is no key ({@link OpenAiConfig#key()}). */
    static boolean enabled(Optional<Boolean> setting, Optional<String> key) {
        return setting.orElseGet(key::isEmpty);
    }
}
