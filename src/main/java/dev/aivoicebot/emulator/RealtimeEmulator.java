package dev.aivoicebot.emulator;

import dev.aivoicebot.openai.LocalRealtimeServer;
import dev.aivoicebot.openai.OpenAiConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The embedded OpenAI Realtime GA emulator as the rest of the application and the tests see it: whether
 * it is served, its sessions (live, then the most recent finished ones) and fault injection.
 */
@ApplicationScoped
public class RealtimeEmulator implements LocalRealtimeServer {

    /** WebSocket path; connect to {@code ws://localhost:<port>/emulator/v1/realtime?model=…}. */
    public static final String PATH = "/emulator/v1/realtime";

    private final boolean enabled;
    private final int retainedSessions;
    private final List<EmulatorSession> sessions = new ArrayList<>();

    RealtimeEmulator(EmulatorConfig config, OpenAiConfig openAi) {
        this.enabled = enabled(config.enabled(), openAi.key());
        this.retainedSessions = config.retainedSessions();
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

    /** All known sessions, oldest first. */
    public synchronized List<EmulatorSession> sessions() {
        return List.copyOf(sessions);
    }

    public synchronized List<EmulatorSession> liveSessions() {
        return sessions.stream().filter(session -> !session.closed()).toList();
    }

    public synchronized Optional<EmulatorSession> session(String id) {
        return sessions.stream().filter(session -> session.id().equals(id)).findFirst();
    }

    /** The most recently opened session. */
    public synchronized Optional<EmulatorSession> latest() {
        return sessions.isEmpty() ? Optional.empty() : Optional.of(sessions.get(sessions.size() - 1));
    }

    /** Fault injection: closes every live session with this WebSocket close code. */
    public void closeAll(int code, String reason) {
        liveSessions().forEach(session -> session.close(code, reason));
    }

    /** Forgets finished sessions, e.g. between tests. */
    public synchronized void forgetFinished() {
        sessions.removeIf(EmulatorSession::closed);
    }

    synchronized void opened(EmulatorSession session) {
        sessions.add(session);
    }

    synchronized void finished(EmulatorSession session) {
        long finished = sessions.stream().filter(EmulatorSession::closed).count();
        for (var it = sessions.iterator(); it.hasNext() && finished > retainedSessions;) {
            if (it.next().closed()) {
                it.remove();
                finished--;
            }
        }
    }
}
