package dev.aivoicebot.twilio.rest;

import dev.aivoicebot.twilio.TwilioConfig;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/** Builds the Calls client from {@code TWILIO_API_BASE_URL} and {@code twilio.api-timeout}. */
class TwilioCallsClientProducer {

    @Produces
    @Singleton
    TwilioCallsClient twilioCallsClient(TwilioConfig config) {
        long timeoutMillis = config.apiTimeout().toMillis();
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(config.apiBaseUrl()))
                .connectTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .readTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .followRedirects(false)
                // Error statuses must come back as responses: Twilio's JSON error body says what went wrong.
                .disableDefaultMapper(true)
                .build(TwilioCallsClient.class);
    }
}
