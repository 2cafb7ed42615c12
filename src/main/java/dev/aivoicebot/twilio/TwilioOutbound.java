package dev.aivoicebot.twilio;

/**
 * The three messages we send on a Media Stream, written by hand because {@code media} goes out for every
 * audio chunk. Both interpolated values are safe: the streamSid was validated at {@code start}, and audio
 * payloads are checked to be plain base64 before they get here.
 */
public final class TwilioOutbound {

    private TwilioOutbound() {
    }

    public static String media(String streamSid, String base64Payload) {
        return "{\"event\":\"media\",\"streamSid\":\"" + streamSid + "\",\"media\":{\"payload\":\"" + base64Payload
                + "\"}}";
    }

    public static String mark(String streamSid, String name) {
        return "{\"event\":\"mark\",\"streamSid\":\"" + streamSid + "\",\"mark\":{\"name\":\"" + name + "\"}}";
    }

    public static String clear(String streamSid) {
        return "{\"event\":\"clear\",\"streamSid\":\"" + streamSid + "\"}";
    }
}
