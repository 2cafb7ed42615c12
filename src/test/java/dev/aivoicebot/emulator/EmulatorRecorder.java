package dev.aivoicebot.emulator;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The emulator's sessions as tests see them, recorded through the emulator's {@link EmulatorTestHook}: every
 * live session and the {@link #RETAINED_FINISHED} most recently finished ones, oldest first.
 */
@ApplicationScoped
public class EmulatorRecorder implements EmulatorTestHook {

    static final int RETAINED_FINISHED = 32;

    private final Map<String, EmulatorSession> sessions = new LinkedHashMap<>();

    @Override
    public synchronized void opened(Session session) {
        sessions.put(session.id(), new EmulatorSession(session));
    }

    @Override
    public void clientEvent(String sessionId, String rawJson) {
        session(sessionId).ifPresent(session -> session.recording().clientEvent(rawJson));
    }

    @Override
    public void serverEvent(String sessionId, String rawJson) {
        session(sessionId).ifPresent(session -> session.recording().serverEvent(rawJson));
    }

    @Override
    public synchronized void closed(String sessionId, int code) {
        session(sessionId).ifPresent(session -> session.recording().closed(code));
        long finished = sessions.values().stream().filter(EmulatorSession::closed).count();
        for (Iterator<EmulatorSession> it = sessions.values().iterator(); it.hasNext() && finished > RETAINED_FINISHED;) {
            if (it.next().closed()) {
                it.remove();
                finished--;
            }
        }
    }

    /** All known sessions, oldest first. */
    public synchronized List<EmulatorSession> sessions() {
        return List.copyOf(sessions.values());
    }

    public synchronized List<EmulatorSession> liveSessions() {
        return sessions.values().stream().filter(session -> !session.closed()).toList();
    }

    public synchronized Optional<EmulatorSession> session(String id) {
        return Optional.ofNullable(sessions.get(id));
    }

    /** The most recently opened session. */
    public synchronized Optional<EmulatorSession> latest() {
        return sessions.values().stream().reduce((first, second) -> second);
    }

    /** Fault injection: closes every live session with this WebSocket close code. */
    public void closeAll(int code, String reason) {
        liveSessions().forEach(session -> session.close(code, reason));
    }
}
