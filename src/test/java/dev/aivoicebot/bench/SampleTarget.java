package dev.aivoicebot.bench;

import dev.aivoicebot.sim.CallIdentity;
import dev.aivoicebot.sim.ConnectStreamTwiml;
import dev.aivoicebot.sim.VoiceWebhookResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Twilio's Node.js sample (see bench/README.md, "compare.sh") as Twilio calls it: {@code POST /incoming-call},
 * which checks no signature, answers TwiML whose stream URL is {@code wss://<Host header>/media-stream}. The
 * stream is opened at that URL's path on the sample's loopback origin, unsigned, as the sample checks nothing.
 */
final class SampleTarget implements CallTarget {

    static final String WEBHOOK_PATH = "/incoming-call";
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final URI local;
    private final String accountSid = CallIdentity.randomSid("AC");
    // HTTP/1.1 as Twilio and the service's simulator use: the JDK client's default would offer an h2c upgrade.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();

    SampleTarget(String localBase) {
        this.local = URI.create(localBase);
    }

    @Override
    public CallIdentity newCall() {
        return CallIdentity.random(accountSid);
    }

    @Override
    public StreamAddress answer(CallIdentity call) {
        HttpRequest request = HttpRequest.newBuilder(local.resolve(WEBHOOK_PATH)).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("AccountSid=" + call.accountSid() + "&CallSid="
                        + call.callSid() + "&CallStatus=ringing&Direction=inbound"))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("POST " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted posting " + request.uri(), e);
        }
        ConnectStreamTwiml twiml = new VoiceWebhookResponse(response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""), response.body()).twiml();
        URI stream = URI.create(twiml.streamUrl());
        return new StreamAddress(URI.create("ws://" + local.getRawAuthority() + stream.getRawPath()),
                twiml.parameters(), null);
    }
}
