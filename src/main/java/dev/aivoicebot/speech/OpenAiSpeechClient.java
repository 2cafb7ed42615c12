package dev.aivoicebot.speech;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * OpenAI's speech endpoint, {@code POST {OPENAI_BASE_URL}/audio/speech}. It returns a plain
 * {@link Response}: called from a worker thread, the REST client then hands over the body as a stream that
 * is read as the audio arrives (and pauses the connection while we are not reading) instead of buffering
 * it whole; and every status comes back as a response, so {@link UpstreamFailures} can classify it.
 */
@Path("/audio/speech")
public interface OpenAiSpeechClient {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.WILDCARD)
    Response createSpeech(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, CreateSpeechRequest request);

    /** The request body, named and shaped as OpenAI's {@code CreateSpeechRequest} schema. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CreateSpeechRequest(
            String model,
            String input,
            String voice,
            String instructions,
            @JsonProperty("response_format") String responseFormat,
            Double speed) {

        static CreateSpeechRequest of(String model, SpeechRequest request) {
            return new CreateSpeechRequest(model, request.text(), request.voice().wireName(),
                    request.instructions(), request.format().wireName(), request.speed());
        }
    }
}
