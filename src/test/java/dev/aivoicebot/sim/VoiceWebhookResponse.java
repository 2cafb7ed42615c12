package dev.aivoicebot.sim;

/** What the service answered to the voice webhook. */
public record VoiceWebhookResponse(int status, String contentType, String body) {

    /** The TwiML, checked as Twilio would: HTTP 200, an XML content type, and a usable {@code <Connect><Stream>}. */
    public ConnectStreamTwiml twiml() {
        if (status != 200) {
            throw new IllegalStateException("voice webhook answered HTTP " + status + ": " + body);
        }
        String mediaType = contentType.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
        if (!mediaType.equals("text/xml") && !mediaType.equals("application/xml")) {
            throw new TwimlException("Twilio needs text/xml or application/xml, got '" + contentType + "'", body);
        }
        return ConnectStreamTwiml.parse(body);
    }
}
