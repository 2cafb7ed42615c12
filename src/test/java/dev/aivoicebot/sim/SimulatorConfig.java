package dev.aivoicebot.sim;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the service runs and what it believes its public address is. Twilio only ever talks to the
 * public address; the simulator signs for that address but connects to the local one.
 *
 * @param localBaseUrl  where the service listens, e.g. {@code http://127.0.0.1:8081}
 * @param publicBaseUrl the service's configured public origin, e.g. {@code https://voice.example.test}
 * @param authToken     Twilio auth token; when empty no request is signed
 * @param accountSid    the account placing every simulated call
 * @param recordAudio   keep every audio byte and media message (default); when off, sent and received audio
 *                      and media events are only counted, so long load runs stay small
 * @param timeout       limit on the webhook request and the stream handshake
 */
public record SimulatorConfig(URI localBaseUrl, String publicBaseUrl, Optional<String> authToken,
        String accountSid, boolean recordAudio, Duration timeout) {

    /** Twilio's documented wait for TwiML. */
    static final Duration TWILIO_WEBHOOK_TIMEOUT = Duration.ofSeconds(15);

    public static SimulatorConfig of(String localBaseUrl, String publicBaseUrl, String authTokenOrNull) {
        return new SimulatorConfig(URI.create(stripSlash(localBaseUrl)), stripSlash(publicBaseUrl),
                Optional.ofNullable(authTokenOrNull), CallIdentity.randomSid("AC"), true, TWILIO_WEBHOOK_TIMEOUT);
    }

    public SimulatorConfig withAccountSid(String sid) {
        return new SimulatorConfig(localBaseUrl, publicBaseUrl, authToken, sid, recordAudio, timeout);
    }

    public SimulatorConfig withRecordAudio(boolean record) {
        return new SimulatorConfig(localBaseUrl, publicBaseUrl, authToken, accountSid, record, timeout);
    }

    public SimulatorConfig withTimeout(Duration limit) {
        return new SimulatorConfig(localBaseUrl, publicBaseUrl, authToken, accountSid, recordAudio, limit);
    }

    /** The URL Twilio would request, and sign, for the voice webhook. */
    public String publicVoiceUrl() {
        return publicBaseUrl + "/voice";
    }

    public URI localVoiceUri() {
        return URI.create(localBaseUrl + "/voice");
    }

    /**
     * Maps the TwiML stream URL, which must point at the public origin, onto the local server:
     * {@code wss://public-host[/prefix]/voice/stream} becomes {@code ws://127.0.0.1:PORT/voice/stream}.
     */
    public URI localStreamUri(String twimlStreamUrl) {
        URI stream = URI.create(twimlStreamUrl);
        URI publicBase = URI.create(publicBaseUrl);
        String publicPath = publicBase.getRawPath() == null ? "" : publicBase.getRawPath();
        boolean samePublicOrigin = publicBase.getHost() != null
                && publicBase.getHost().equalsIgnoreCase(stream.getHost())
                && effectivePort(publicBase) == effectivePort(stream)
                && stream.getRawPath().startsWith(publicPath + "/");
        if (!samePublicOrigin) {
            throw new IllegalStateException("TwiML stream URL " + twimlStreamUrl
                    + " does not point at the service's public base URL " + publicBaseUrl);
        }
        String scheme = "https".equals(localBaseUrl.getScheme()) ? "wss" : "ws";
        String path = localBaseUrl.getRawPath() + stream.getRawPath().substring(publicPath.length());
        return URI.create(scheme + "://" + localBaseUrl.getRawAuthority() + path);
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return switch (uri.getScheme()) {
            case "https", "wss" -> 443;
            default -> 80;
        };
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
