package dev.aivoicebot.call;

import dev.aivoicebot.openai.OpenAiConfig;
import dev.aivoicebot.openai.ResponseCreate;
import dev.aivoicebot.openai.SessionUpdate;
import dev.aivoicebot.openai.SessionUpdate.Audio;
import dev.aivoicebot.openai.SessionUpdate.Format;
import dev.aivoicebot.openai.SessionUpdate.Input;
import dev.aivoicebot.openai.SessionUpdate.Output;
import dev.aivoicebot.openai.SessionUpdate.Session;
import dev.aivoicebot.openai.SessionUpdate.Transcription;
import dev.aivoicebot.openai.SessionUpdate.TurnDetection;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The session configuration and greeting every call starts with, built once from configuration. */
@ApplicationScoped
public class AssistantSettings {

    static final String DEFAULT_INSTRUCTIONS = "assistant-instructions.txt";

    private final SessionUpdate sessionUpdate;
    private final ResponseCreate greeting;
    private final ResponseCreate goodbye = ResponseCreate.withInstructions("The call has to end now. Say goodbye "
            + "warmly in one short sentence, for example: \"I'm sorry, we need to end the call now. Thank you for "
            + "calling, goodbye!\"");

    AssistantSettings(AssistantConfig assistant, OpenAiConfig openAi) {
        String instructions = assistant.instructions().orElseGet(AssistantSettings::defaultInstructions);
        TurnDetection turns = new TurnDetection("server_vad", assistant.silenceTimeoutMs(), 300, 0.5, true, true);
        this.sessionUpdate = new SessionUpdate(new Session("realtime", openAi.realtimeModel(), List.of("audio"),
                instructions,
                new Audio(new Input(Format.PCMU, turns, new Transcription(assistant.transcriptionModel())),
                        new Output(Format.PCMU, assistant.voice()))));
        this.greeting = ResponseCreate.withInstructions(
                "Greet the caller by saying exactly this, then wait for their answer: \"" + assistant.greeting() + "\"");
    }

    public SessionUpdate sessionUpdate() {
        return sessionUpdate;
    }

    /** The assistant speaks first: a response with instructions that override the session's for this turn. */
    public ResponseCreate greeting() {
        return greeting;
    }

    /** Asked for when the service must end the call (maximum duration, shutdown). */
    public ResponseCreate goodbye() {
        return goodbye;
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
