package dev.aivoicebot.speech;

import dev.aivoicebot.openai.OpenAiConfig;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * Builds the speech client from {@link OpenAiConfig#baseUrl()} and our timeouts, so the base URL is
 * configured once for all OpenAI REST calls rather than again under a rest-client key.
 */
class OpenAiSpeechClientProducer {

    @Produces
    @Singleton
    OpenAiSpeechClient openAiSpeechClient(OpenAiConfig openAi, SpeechConfig config) {
        long readTimeoutMillis = config.upstream().readTimeout().toMillis();
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(openAi.baseUrl()))
                .connectTimeout(config.upstream().connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeoutMillis, TimeUnit.MILLISECONDS)
                // The read timeout above ends when the response headers arrive; a silent connection closes
                // after the same time also mid-body, which frees a worker blocked reading the audio.
                .httpClientOptionsCustomizer(options -> options
                        .setIdleTimeout((int) readTimeoutMillis).setIdleTimeoutUnit(TimeUnit.MILLISECONDS))
                // Error statuses must come back as responses: we read their body and Retry-After ourselves.
                .disableDefaultMapper(true)
                .register(new AbortableBody.Filter())
                .build(OpenAiSpeechClient.class);
    }
}
