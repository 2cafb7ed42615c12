package dev.aivoicebot.speech;

import dev.aivoicebot.openai.OpenAiConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;

/**
 * Asks OpenAI for speech and hands back the audio as a stream, or throws the {@link SpeechException}
 * that says why not. Blocking: call it from a worker thread.
 */
@ApplicationScoped
class SpeechSynthesizer {

    private final OpenAiSpeechClient client;
    private final OpenAiConfig openAi;
    private final SpeechConfig config;

    SpeechSynthesizer(OpenAiSpeechClient client, OpenAiConfig openAi, SpeechConfig config) {
        this.client = client;
        this.openAi = openAi;
        this.config = config;
    }

    /** Fails fast, before any upstream call, when there is no OpenAI key. */
    private void requireConfigured() {
        if (openAi.key().isEmpty()) {
            throw new SpeechException(SpeechOutcome.NOT_CONFIGURED,
                    "speech is not configured on this server: OPENAI_API_KEY is not set");
        }
    }

    /** The audio as it arrives; the caller must close its stream. */
    UpstreamAudio synthesize(SpeechRequest request) {
        requireConfigured();
        long requestedAt = System.nanoTime();
        Response response;
        try {
            response = client.createSpeech("Bearer " + openAi.key().orElseThrow(),
                    OpenAiSpeechClient.CreateSpeechRequest.of(config.ttsModel(), request));
        } catch (RuntimeException e) {
            throw UpstreamAudio.failure(e, requestedAt, config.upstream().readTimeout());
        }
        if (response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
            try (response) {
                throw UpstreamFailures.fromStatus(response);
            }
        }
        // The client's response filter made every body abortable (see OpenAiSpeechClientProducer).
        return new UpstreamAudio((AbortableBody) response.readEntity(InputStream.class), requestedAt,
                config.upstream().readTimeout());
    }
}
