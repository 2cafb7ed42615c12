package dev.aivoicebot.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aivoicebot.safety.RequestSignature;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Calls an HTTP tool: one signed POST of {@code {"tool", "arguments", "call"}}, the answer's body (JSON or text,
 * at most {@value #MAX_ANSWER_BYTES} bytes) being the output. Blocking, so it runs on a worker thread; interrupted
 * or timed out, the exchange is abandoned. Never retried: the business may have acted on a POST whose answer was
 * lost. Redirects are not followed (a 3xx is a failed call like any other non-2xx).
 */
@Singleton
class HttpToolClient {

    static final String SIGNATURE_HEADER = RequestSignature.HEADER;
    static final int MAX_ANSWER_BYTES = 16 * 1024;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ObjectMapper json;
    private final Optional<String> signingSecret;
    private final Clock clock;

    @Inject
    HttpToolClient(ObjectMapper json, ToolsConfig config) {
        this(json, config.signingSecret().filter(secret -> !secret.isBlank()), Clock.systemUTC());
    }

    HttpToolClient(ObjectMapper json, Optional<String> signingSecret, Clock clock) {
        this.json = json;
        this.signingSecret = signingSecret;
        this.clock = clock;
    }

    String call(HttpTool tool, Duration timeout, JsonNode arguments, CallInfo call)
            throws ToolFailure, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(tool.url()).timeout(timeout)
                .header("Content-Type", "application/json");
        tool.headers().forEach(request::header);
        byte[] body = body(tool.name(), arguments, call);
        signingSecret.ifPresent(secret -> request.header(SIGNATURE_HEADER,
                RequestSignature.header(secret, clock.instant().getEpochSecond(), body)));
        request.POST(HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream answer = response.body()) {
                if (response.statusCode() / 100 != 2) {
                    throw new ToolFailure(ToolOutcome.ERROR, "its server answered HTTP " + response.statusCode(),
                            "HTTP " + response.statusCode());
                }
                byte[] bytes = answer.readNBytes(MAX_ANSWER_BYTES + 1);
                if (bytes.length > MAX_ANSWER_BYTES) {
                    throw new ToolFailure(ToolOutcome.ERROR, "the tool's answer was too large",
                            "answer over " + MAX_ANSWER_BYTES + " bytes");
                }
                return new String(bytes, charset(response.headers().firstValue("Content-Type")));
            }
        } catch (HttpTimeoutException e) {
            throw new ToolFailure(ToolOutcome.TIMEOUT, "it did not answer in time", e.getClass().getSimpleName());
        } catch (ConnectException e) {
            throw new ToolFailure(ToolOutcome.ERROR, "its server could not be reached", "connection refused or unreachable");
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            throw new ToolFailure(ToolOutcome.ERROR, "the connection to its server broke off",
                    "connection failed (" + e.getClass().getSimpleName() + ")");
        }
    }

    private byte[] body(String tool, JsonNode arguments, CallInfo call) {
        ObjectNode body = json.createObjectNode().put("tool", tool);
        body.set("arguments", arguments);
        body.putObject("call").put("callSid", call.callSid()).put("from", call.from()).put("to", call.to());
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of JSON nodes always serializes", e);
        }
    }

    /** The charset a Content-Type names, or UTF-8 (JSON's, and the sensible guess for text). */
    private static Charset charset(Optional<String> contentType) {
        for (String parameter : contentType.orElse("").split(";")) {
            String[] pair = parameter.strip().split("=", 2);
            if (pair.length == 2 && pair[0].strip().toLowerCase(Locale.ROOT).equals("charset")) {
                try {
                    return Charset.forName(pair[1].strip().replace("\"", ""));
                } catch (IllegalArgumentException e) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
