package dev.aivoicebot.twilio;

import java.util.Map;

/** Builds the TwiML documents we answer webhooks with. Every attribute value is XML-escaped. */
public final class Twiml {

    private Twiml() {
    }

    /**
     * Connects the call to a bidirectional Media Stream. {@code <Connect>} (not {@code <Start>}) is what lets
     * the caller hear us; the {@code <Hangup/>} after it runs when we close the stream.
     */
    public static String connectStream(String streamUrl, Map<String, String> parameters) {
        return connectStream("", streamUrl, parameters);
    }

    /**
     * Like {@link #connectStream(String, Map)}, with a {@code <Say>} of {@code notice} first (none when empty): the
     * caller hears it before the stream, and so before the assistant (a recording's consent notice).
     */
    public static String connectStream(String notice, String streamUrl, Map<String, String> parameters) {
        StringBuilder xml = new StringBuilder(256)
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>");
        if (!notice.isEmpty()) {
            xml.append("<Say>").append(escape(notice)).append("</Say>");
        }
        xml.append("<Connect><Stream url=\"").append(escape(streamUrl)).append("\">");
        parameters.forEach((name, value) -> xml.append("<Parameter name=\"").append(escape(name))
                .append("\" value=\"").append(escape(value)).append("\"/>"));
        return xml.append("</Stream></Connect><Hangup/></Response>").toString();
    }

    /** Says a short message and hangs up (used when we cannot take the call). */
    public static String sayAndHangUp(String message) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say>" + escape(message) + "</Say><Hangup/></Response>";
    }

    /**
     * Dials a transfer target: {@code <Number>} for an E.164 number, {@code <Sip>} for a sip: URI, each with a
     * {@code url} the person answering is whispered from before being connected; {@code action} is asked what next
     * when the dial ends. {@code callerId} is left out when empty.
     */
    public static String dial(String address, String callerId, long timeoutSeconds, String actionUrl,
            String whisperUrl) {
        String noun = address.startsWith("sip:") ? "Sip" : "Number";
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Dial"
                + (callerId.isEmpty() ? "" : " callerId=\"" + escape(callerId) + "\"")
                + " timeout=\"" + timeoutSeconds + "\" action=\"" + escape(actionUrl) + "\" method=\"POST\"><" + noun
                + " url=\"" + escape(whisperUrl) + "\" method=\"POST\">" + escape(address) + "</" + noun
                + "></Dial></Response>";
    }

    /** Says one message; what comes next (for a whisper: the connection) is the caller's TwiML's. */
    public static String say(String message) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say>" + escape(message) + "</Say></Response>";
    }

    public static String hangUp() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Hangup/></Response>";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    // XML 1.0 forbids most control characters even when escaped; drop them.
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
