package dev.aivoicebot.sim;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The first thing Twilio does for an inbound call: a signed form POST to {@code /voice}, asking
 * for TwiML. Sent to the local server but signed over the public URL, as the service must verify it.
 */
final class VoiceWebhook {

    private VoiceWebhook() {
    }

    /** The form parameters of a ringing inbound call, in the order Twilio tends to send them. */
    static Map<String, String> params(CallIdentity call) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", call.accountSid());
        params.put("ApiVersion", "2010-04-01");
        params.put("CallSid", call.callSid());
        params.put("CallStatus", "ringing");
        params.put("Direction", "inbound");
        params.put("From", call.from());
        params.put("To", call.to());
        return params;
    }

    static VoiceWebhookResponse post(HttpClient http, SimulatorConfig config, CallIdentity call) {
        Map<String, String> params = params(call);
        HttpRequest.Builder request = HttpRequest.newBuilder(config.localVoiceUri())
                .timeout(config.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "*/*")
                .header("User-Agent", "TwilioProxy/1.1")
                .POST(HttpRequest.BodyPublishers.ofString(formEncode(params)));
        config.authToken().ifPresent(token ->
                request.header("X-Twilio-Signature", new TwilioSigner(token).sign(config.publicVoiceUrl(), params)));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new VoiceWebhookResponse(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("POST " + config.localVoiceUri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted posting the voice webhook", e);
        }
    }

    private static String formEncode(Map<String, String> params) {
        return params.entrySet().stream()
                .map(p -> URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
