package dev.aivoicebot.emulator;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Test-only {@link EmulatorTestHook}: every client event the emulator receives is checked against OpenAI's
 * official schema for its type. End-to-end tests assert {@code violations(sessionId)} is empty, so the oracle
 * failing on an event (an exception instead of an answer) is a violation too, never a silent pass.
 */
@ApplicationScoped
public class SchemaValidatingInspector implements EmulatorTestHook {

    /** One client event that does not match its published schema. */
    public record Violation(String sessionId, String rawJson, List<String> problems) {
    }

    private final Function<String, List<String>> validator;
    private final List<Violation> violations = new ArrayList<>();

    public SchemaValidatingInspector() {
        this(RealtimeSchemas.get()::validateClientEvent);
    }

    /** With another oracle: the problems of one raw client event, empty when it is valid. */
    SchemaValidatingInspector(Function<String, List<String>> validator) {
        this.validator = validator;
    }

    @Override
    public void clientEvent(String sessionId, String rawJson) {
        List<String> problems;
        try {
            problems = List.copyOf(validator.apply(rawJson));
        } catch (RuntimeException | StackOverflowError e) {
            problems = List.of("the schema check itself failed: " + e);
        }
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

    /** Problems of one server event the emulator sent, by OpenAI's schema for its type; empty when it is valid. */
    public static List<String> serverEventProblems(String rawJson) {
        return RealtimeSchemas.get().validateServerEvent(rawJson);
    }

    public void clear() {
        synchronized (violations) {
            violations.clear();
        }
    }
}
