package dev.aivoicebot.call;

import dev.aivoicebot.openai.OpenAiConfig;
import dev.aivoicebot.openai.ResponseCreate;
import dev.aivoicebot.openai.SessionUpdate.Audio;
import dev.aivoicebot.openai.SessionUpdate.Format;
import dev.aivoicebot.openai.SessionUpdate.Input;
import dev.aivoicebot.openai.SessionUpdate.Output;
import dev.aivoicebot.openai.SessionUpdate.Session;
import dev.aivoicebot.openai.SessionUpdate.Transcription;
import dev.aivoicebot.openai.SessionUpdate.TurnDetection;
import dev.aivoicebot.openai.SessionUpdate;
import dev.aivoicebot.tools.ToolRegistry;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The assistant of the ASSISTANT_* settings and the set phrases every call uses, built once from configuration; it
 * builds each {@link AssistantProfile}'s session from what the profile says and these settings for the rest.
 */
@ApplicationScoped
public class AssistantSettings {

    static final String DEFAULT_INSTRUCTIONS = "assistant-instructions.txt";
    private static final Set<String> TOOL_CHOICES = Set.of("auto", "none", "required");
    /** The built-in call tool: the model chooses when the caller is done; the call decides how it ends. */
    private static final Map<String, Object> END_CALL_TOOL = Map.of("type", "function", "name", CallSession.END_CALL,
            "description", "End the phone call. Call this only once the caller is done and you have said goodbye; "
                    + "the call ends after your goodbye has played.",
            "parameters", Map.of("type", "object", "properties", Map.of()));

    /** The built-in recording tools, offered when calls are recorded: the caller may ask not to be recorded. */
    private static final List<Map<String, Object>> RECORDING_TOOLS = List.of(
            Map.of("type", "function", "name", Recording.PAUSE_TOOL,
                    "description", "Pause the recording of this call, when the caller asks not to be recorded or is "
                            + "about to give sensitive details such as a card number.",
                    "parameters", Map.of("type", "object", "properties", Map.of())),
            Map.of("type", "function", "name", Recording.RESUME_TOOL,
                    "description", "Resume the recording of this call after pause_recording.",
                    "parameters", Map.of("type", "object", "properties", Map.of())));

    /** The names of the call's own tools, which its settings offer (not a profile's tool list). */
    static final Set<String> CALL_TOOLS = Set.of(CallSession.END_CALL, Transfer.TOOL, Recording.PAUSE_TOOL,
            Recording.RESUME_TOOL);

    private final String instructions;
    private final String voice;
    private final String greeting;
    private final String realtimeModel;
    private final TurnDetection turns;
    private final String transcriptionModel;
    private final String toolChoice;
    private final ResponseCreate goodbye = ResponseCreate.withInstructions("The call has to end now. Say goodbye "
            + "warmly in one short sentence, for example: \"I'm sorry, we need to end the call now. Thank you for "
            + "calling, goodbye!\"");

    private final ResponseCreate filler;
    private final Duration fillerAfter;
    private final boolean dtmfToAssistant;

    AssistantSettings(AssistantConfig assistant, OpenAiConfig openAi, ToolRegistry toolRegistry) {
        this.instructions = assistant.instructions().orElseGet(AssistantSettings::defaultInstructions);
        if (!TOOL_CHOICES.contains(assistant.toolChoice())) {
            throw new ConfigurationException("TOOL_CHOICE must be one of auto, none, required (was '"
                    + assistant.toolChoice() + "')");
        }
        if (toolRegistry.isKnown(CallSession.END_CALL)) {
            throw new ConfigurationException("A tool may not be named " + CallSession.END_CALL
                    + ": that is the built-in tool that ends the call");
        }
        if (toolRegistry.isKnown(Transfer.TOOL)) {
            throw new ConfigurationException("A tool may not be named " + Transfer.TOOL
                    + ": that is the built-in tool that transfers the call (TRANSFER_TARGETS)");
        }
        for (String name : List.of(Recording.PAUSE_TOOL, Recording.RESUME_TOOL)) {
            if (toolRegistry.isKnown(name)) {
                throw new ConfigurationException("A tool may not be named " + name
                        + ": that is a built-in tool of call recording (RECORDING)");
            }
        }
        this.voice = assistant.voice();
        this.greeting = assistant.greeting();
        this.realtimeModel = openAi.realtimeModel();
        this.turns = new TurnDetection("server_vad", assistant.silenceTimeoutMs(), 300, 0.5, true, true);
        this.transcriptionModel = assistant.transcriptionModel();
        this.toolChoice = assistant.toolChoice();
        this.filler = ResponseCreate.withoutTools("Say exactly this, and nothing else: \"" + assistant.toolFiller() + "\"");
        this.fillerAfter = assistant.toolFiller().isBlank() ? Duration.ZERO : assistant.toolFillerAfter();
        this.dtmfToAssistant = assistant.dtmfToAssistant();
    }

    /**
     * The assistant {@code spec} describes, what it leaves out taken from the ASSISTANT_* settings. {@code tools} are
     * the registry's declarations it offers, {@code functions} their names; {@code transferTargets} and
     * {@code recorded} decide the call's own tools.
     */
    AssistantProfile profile(ProfileSpec spec, List<Object> tools, Set<String> functions, List<String> transferTargets,
            boolean recorded) {
        List<Object> declared = new ArrayList<>(tools);
        declared.add(END_CALL_TOOL);
        if (!transferTargets.isEmpty()) {
            declared.add(transferTool(transferTargets));
        }
        if (recorded) {
            declared.addAll(RECORDING_TOOLS);
        }
        SessionUpdate sessionUpdate = new SessionUpdate(new Session("realtime", realtimeModel, List.of("audio"),
                spec.instructions().orElse(instructions),
                new Audio(new Input(Format.PCMU, turns, new Transcription(transcriptionModel,
                        spec.language().orElse(null))), new Output(Format.PCMU, spec.voice().orElse(voice))),
                declared, toolChoice));
        return new AssistantProfile(spec.name(), sessionUpdate,
                AssistantProfile.greetingSaying(spec.greeting().orElse(greeting)), functions, transferTargets, recorded);
    }

    /**
     * The built-in transfer tool: the model names a configured target, never a number. Its description lists the
     * names, and the schema allows no other.
     */
    private static Map<String, Object> transferTool(List<String> names) {
        String listed = String.join(", ", names);
        return Map.of("type", "function", "name", Transfer.TOOL,
                "description", "Transfer the caller to a person. Targets: " + listed + ". Call this only when the "
                        + "caller asks for a person or you cannot help; you will be told to say you are connecting "
                        + "them, then the call is handed over.",
                "parameters", Map.of("type", "object",
                        "properties", Map.of(
                                "target", Map.of("type", "string", "enum", List.copyOf(names),
                                        "description", "Who to transfer to: one of " + listed),
                                "reason", Map.of("type", "string",
                                        "description", "Why, in a few words, for the person who answers")),
                        "required", List.of("target", "reason")));
    }

    /** The first words to a caller back from a transfer to {@code target} that nobody answered. */
    public ResponseCreate nobodyAnswered(String target) {
        return ResponseCreate.withInstructions("You tried to transfer the caller to " + target + ", but nobody "
                + "answered. Tell the caller so in one or two short sentences, and offer to arrange a call-back or "
                + "to help them yourself.");
    }

    /** Asked for when the service must end the call (maximum duration, shutdown). */
    public ResponseCreate goodbye() {
        return goodbye;
    }

    /** Said while a slow tool runs, in a response that may not call a tool itself. */
    public ResponseCreate filler() {
        return filler;
    }

    /** How long a tool runs before {@link #filler()} is said; zero for never. */
    public Duration fillerAfter() {
        return fillerAfter;
    }

    public boolean dtmfToAssistant() {
        return dtmfToAssistant;
    }

    private static String defaultInstructions() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(DEFAULT_INSTRUCTIONS)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_INSTRUCTIONS + " is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
