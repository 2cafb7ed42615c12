package dev.aivoicebot.sim;

/** The service answered the voice webhook with TwiML that Twilio could not use to bridge the call. */
public final class TwimlException extends RuntimeException {

    public TwimlException(String problem, String xml) {
        super(problem + "\n--- TwiML received ---\n" + xml);
    }
}
