package dev.aivoicebot.events;

import dev.aivoicebot.safety.CallSid;
import dev.aivoicebot.safety.RequestSignature;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * One delivery attempt: a signed POST of the event to {@code CALL_EVENTS_URL}, and what its answer means. Blocking;
 * runs on the delivery thread. Redirects are not followed (the URL is configuration: a redirect is a mistake).
 */
final class CallEventSender {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** How an attempt went; {@code retryAfter} is what a 429 or 503 asked for, if anything. */
    record Result(Kind kind, String detail, Optional<Duration> retryAfter) {
        enum Kind { DELIVERED, RETRY, GIVE_UP }
    }

    private final HttpClient http;
    private final URI url;
    private final Optional<String> secret;
    private final Duration timeout;
    private final Clock clock;

    CallEventSender(URI url, Optional<String> secret, Duration timeout, Clock clock) {
        this.url = url;
        this.secret = secret;
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Result send(CallSid callSid, byte[] body) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json").header(IDEMPOTENCY_KEY, callSid.value())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        secret.ifPresent(s -> request.header(RequestSignature.HEADER,
                RequestSignature.header(s, clock.instant().getEpochSecond(), body)));
        HttpResponse<Void> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (HttpTimeoutException e) {
            return retry("no answer within " + timeout.toMillis() + " ms");
        } catch (ConnectException e) {
            return retry("connection refused or unreachable");
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            return retry("connection failed (" + e.getClass().getSimpleName() + ")");
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return new Result(Result.Kind.DELIVERED, "HTTP " + status, Optional.empty());
        }
        if (status == 408 || status == 429 || status / 100 == 5) {
            return new Result(Result.Kind.RETRY, "HTTP " + status,
                    response.headers().firstValue("Retry-After").flatMap(this::retryAfter));
        }
        return new Result(Result.Kind.GIVE_UP, "HTTP " + status, Optional.empty());
    }

    private static Result retry(String detail) {
        return new Result(Result.Kind.RETRY, detail, Optional.empty());
    }

    /** Retry-After as seconds or as an HTTP date; empty when it is neither or already past. */
    Optional<Duration> retryAfter(String value) {
        String v = value.strip();
        try {
            return v.matches("\\d{1,9}") ? Optional.of(Duration.ofSeconds(Long.parseLong(v)))
                    : Optional.of(Duration.between(clock.instant(),
                            ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()))
                            .filter(d -> !d.isNegative());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
