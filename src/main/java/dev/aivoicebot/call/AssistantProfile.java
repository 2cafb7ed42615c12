package dev.aivoicebot.call;

import dev.aivoicebot.openai.ResponseCreate;
import dev.aivoicebot.openai.SessionUpdate;
import dev.aivoicebot.openai.SessionUpdate.Session;
import java.util.List;
import java.util.Set;

/**
 * The assistant one call gets: its session configuration (instructions, voice, transcription language, the tools
 * declared), its greeting, the tools it may run, the people it may transfer to and whether it is recorded. Chosen by
 * {@link AssistantProfiles} from the number the caller dialed, or by name; immutable, so a call may adapt its own
 * copy ({@link #withContext}, {@link #withGreeting}) without touching the profile other calls share.
 */
public final class AssistantProfile {

    private final String name;
    private final SessionUpdate sessionUpdate;
    private final ResponseCreate greeting;
    private final Set<String> functionTools;
    private final List<String> transferTargets;
    private final boolean recorded;

    AssistantProfile(String name, SessionUpdate sessionUpdate, ResponseCreate greeting, Set<String> functionTools,
            List<String> transferTargets, boolean recorded) {
        this.name = name;
        this.sessionUpdate = sessionUpdate;
        this.greeting = greeting;
        this.functionTools = Set.copyOf(functionTools);
        this.transferTargets = List.copyOf(transferTargets);
        this.recorded = recorded;
    }

    /** The greeting the assistant speaks first: a response whose instructions override the session's for this turn. */
    static ResponseCreate greetingSaying(String text) {
        return ResponseCreate.withInstructions(
                "Greet the caller by saying exactly this, then wait for their answer: \"" + text + "\"");
    }

    public String name() {
        return name;
    }

    /** The {@code session.update} each of the call's Realtime sessions is configured with. */
    public SessionUpdate sessionUpdate() {
        return sessionUpdate;
    }

    public ResponseCreate greeting() {
        return greeting;
    }

    /** Whether the model may have {@code tool} (a tool of the registry) run in this call: only those declared to it. */
    public boolean offers(String tool) {
        return functionTools.contains(tool);
    }

    /** The names of TRANSFER_TARGETS this profile may transfer to, in the order its tool lists them; empty for none. */
    public List<String> transferTargets() {
        return transferTargets;
    }

    /** Whether a call answered by this profile is recorded (the notice first, then the recording). */
    public boolean recorded() {
        return recorded;
    }

    /**
     * This profile with {@code context} appended to its instructions, for one call (an outbound call's reason). The
     * caller of this method has validated the text; it goes to the model only.
     */
    public AssistantProfile withContext(String context) {
        Session session = sessionUpdate.session();
        Session adapted = new Session(session.type(), session.model(), session.outputModalities(),
                session.instructions() + "\n\nContext for this call: " + context.strip(), session.audio(),
                session.tools(), session.toolChoice());
        return new AssistantProfile(name, new SessionUpdate(adapted), greeting, functionTools, transferTargets,
                recorded);
    }

    /** This profile with another greeting, for one call. */
    public AssistantProfile withGreeting(String text) {
        return new AssistantProfile(name, sessionUpdate, greetingSaying(text), functionTools, transferTargets, recorded);
    }
}
