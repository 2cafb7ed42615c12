package dev.aivoicebot.call;

import dev.aivoicebot.emulator.ReplyScript;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.List;

/**
 * A caller who reads out a card number, its expiry, an order number, a date of birth and a password, and an assistant who
 * greets them with the card written other ways. Enabled only by {@link CardNumbersMaskedTest}'s profile.
 */
@Alternative
@ApplicationScoped
public class CardReplyScript implements ReplyScript {

    static final String CALLER = "my card is 4111 1111 1111 1111 12 27, order 123456789012, born 04/07/1985, password hunter2";
    static final String ASSISTANT = "Hello! Is your card 4111-1111-1111-1111, or 5555\u00005555 5555 4444?";

    @Override
    public String transcribe(byte[] userAudio) {
        return CALLER;
    }

    @Override
    public String echoTranscript(byte[] userAudio) {
        return "Thank you.";
    }

    @Override
    public String greetingTranscript(String instructions) {
        return ASSISTANT;
    }

    @Override
    public String toolReplyTranscript(List<String> results, int declinedCalls) {
        return "";
    }
}
