package dev.aivoicebot.speech;

import io.smallrye.common.annotation.Blocking;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;

/**
 * {@code POST /generate-voice}: text in, speech out, streamed as OpenAI produces it. Checks run cheapest
 * first (access, content type, body) so that nothing invalid reaches the paid upstream call.
 */
@Path("/generate-voice")
public class GenerateVoiceResource {

    private final SpeechAccessGuard guard;
    private final SpeechSynthesizer synthesizer;
    private final SpeechMetrics metrics;
    private final SpeechRequestParser parser;

    GenerateVoiceResource(SpeechAccessGuard guard, SpeechSynthesizer synthesizer, SpeechMetrics metrics,
            SpeechConfig config) {
        this.guard = guard;
        this.synthesizer = synthesizer;
        this.metrics = metrics;
        this.parser = new SpeechRequestParser(config.defaultVoice(), config.ttsModel());
    }

    // No @Consumes: a wrong Content-Type gets our JSON error rather than the framework's bare 415, and
    // the body is read (bounded) only after the caller passed the access checks.
    @POST
    @Blocking
    public Response generate(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Context RoutingContext http, InputStream body) {
        SpeechMetrics.Timing timing = metrics.start();
        try {
            guard.check(authorization, http.request().remoteAddress() == null ? "unknown"
                    : http.request().remoteAddress().hostAddress());
            requireJson(contentType);
            SpeechRequest request = parser.parse(body);
            UpstreamAudio audio = synthesizer.synthesize(request);
            return Response.ok(new AudioRelay(audio, timing, http))
                    .header(HttpHeaders.CONTENT_TYPE, request.format().contentType())
                    .header("Content-Disposition", "attachment; filename=\"" + request.format().fileName() + "\"")
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .build();
        } catch (SpeechException e) {
            timing.finish(e.outcome());
            throw e;
        }
    }

    private static void requireJson(String contentType) {
        boolean json;
        try {
            MediaType type = contentType == null ? null : MediaType.valueOf(contentType);
            json = type != null && "application".equalsIgnoreCase(type.getType()) && "json".equalsIgnoreCase(type.getSubtype());
        } catch (IllegalArgumentException e) {
            json = false;
        }
        if (!json) {
            throw new SpeechException(SpeechOutcome.UNSUPPORTED_MEDIA_TYPE, "send the body as Content-Type: application/json");
        }
    }
}
