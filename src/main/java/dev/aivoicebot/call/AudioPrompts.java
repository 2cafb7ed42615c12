package dev.aivoicebot.call;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Recorded μ-law prompts shipped with the service (see {@code prompts/README.md}), for when the assistant
 * itself cannot speak: loaded once, pre-encoded as base64 chunks ready to send as Twilio {@code media}.
 */
@ApplicationScoped
public class AudioPrompts {

    /** One second per media message: Twilio plays any size, and fewer messages mean less overhead. */
    private static final int CHUNK_BYTES = 8000;

    private final Prompt apology = load("prompts/apology.ulaw");
    private final Prompt goodbye = load("prompts/goodbye.ulaw");

    /** A prompt as base64 media payloads, and how long it plays. */
    public record Prompt(List<String> payloads, long durationMs) {
    }

    public Prompt apology() {
        return apology;
    }

    public Prompt goodbye() {
        return goodbye;
    }

    private static Prompt load(String resource) {
        try (InputStream in = AudioPrompts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the application");
            }
            byte[] audio = in.readAllBytes();
            List<String> payloads = new ArrayList<>();
            for (int at = 0; at < audio.length; at += CHUNK_BYTES) {
                byte[] chunk = Arrays.copyOfRange(audio, at, Math.min(audio.length, at + CHUNK_BYTES));
                payloads.add(Base64.getEncoder().encodeToString(chunk));
            }
            return new Prompt(List.copyOf(payloads), audio.length / 8L);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
