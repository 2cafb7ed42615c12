package dev.aivoicebot.twilio;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Set;

/**
 * The URLs Twilio uses to reach us, always built from {@code PUBLIC_BASE_URL}: never from the request's
 * Host or X-Forwarded-* headers, which a stranger controls and which are wrong behind TLS termination.
 */
@ApplicationScoped
public class PublicEndpoints {

    public static final String WEBHOOK_PATH = "/voice";
    public static final String STREAM_PATH = "/voice/stream";
    /** Fetched by Twilio for the person who answers a transfer: the whisper they hear first. */
    public static final String WHISPER_PATH = "/voice/whisper";
    /** Twilio's {@code <Dial action>}: asked what next when a transfer's dial ends. */
    public static final String TRANSFER_STATUS_PATH = "/voice/transfer-status";
    /** Twilio's {@code RecordingStatusCallback}: a call's recording is in progress, completed or absent. */
    public static final String RECORDING_STATUS_PATH = "/voice/recording-status";
    /** Twilio's {@code StatusCallback} for a call we placed: initiated, ringing, answered, completed. */
    public static final String OUTBOUND_STATUS_PATH = "/voice/outbound/status";
    /** Twilio's {@code AsyncAmdStatusCallback}: who answered a call we placed (a person, a machine). */
    public static final String OUTBOUND_AMD_PATH = "/voice/outbound/amd";
    /** The webhooks Twilio signs (every one but the stream upgrade, which is checked on its own). */
    static final Set<String> SIGNED_PATHS = Set.of(WEBHOOK_PATH, WHISPER_PATH,
            TRANSFER_STATUS_PATH, RECORDING_STATUS_PATH, OUTBOUND_STATUS_PATH, OUTBOUND_AMD_PATH);

    private final String httpOrigin;
    private final String wsOrigin;

    PublicEndpoints(TwilioConfig config) {
        this.httpOrigin = validatedOrigin(config.publicBaseUrl());
        this.wsOrigin = (httpOrigin.startsWith("https://") ? "wss://" : "ws://")
                + httpOrigin.substring(httpOrigin.indexOf("://") + 3);
    }

    /** The URL Twilio requests (and signs): public origin, path, and the raw query if any. */
    public String webhookUrl(String path, String rawQuery) {
        return httpOrigin + path + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery);
    }

    /** The Media Stream URL written into TwiML (and signed by Twilio on the WebSocket upgrade). */
    public String streamUrl() {
        return wsOrigin + STREAM_PATH;
    }

    static String validatedOrigin(String value) {
        URI uri;
        try {
            uri = URI.create(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("PUBLIC_BASE_URL is not a URL: " + value);
        }
        boolean http = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
        boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null
                && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        if (!http || uri.getHost() == null || !bare) {
            throw new IllegalArgumentException(
                    "PUBLIC_BASE_URL must be an origin like https://voice.example.com (no path, no trailing slash): "
                            + value);
        }
        return uri.toString();
    }
}
