package dev.aivoicebot.emulator;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-only {@link ClientEventInspector}: every client event the emulator receives is checked against
 * OpenAI's official schema for its type. End-to-end tests assert {@code violations(sessionId)} is empty.
 */
@ApplicationScoped
public class SchemaValidatingInspector implements ClientEventInspector {

    /** One client event that does not match its published schema. */
    public record Violation(String sessionId, String rawJson, List<String> problems) {
    }

    private final List<Violation> violations = new ArrayList<>();

    @Override
    public void inspect(String sessionId, String rawJson) {
        List<String> problems = RealtimeSchemas.get().validateClientEvent(rawJson);
        if (!problems.isEmpty()) {
            synchronized (violations) {
                violations.add(new Violation(sessionId, rawJson, problems));
            }
        }
    }

    /** Every violation seen, by any session. */
    public List<Violation> violations() {
        synchronized (violations) {
            return List.copyOf(violations);
        }
    }

    /** The violations of one emulator session; prefer this, as other tests may send bad events on purpose. */
    public List<Violation> violations(String sessionId) {
        return violations().stream().filter(violation -> violation.sessionId().equals(sessionId)).toList();
    }

    public void clear() {
        synchronized (violations) {
            violations.clear();
        }
    }
}
