package dev.aivoicebot.call;

import dev.aivoicebot.emulator.ReplyScript;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.List;

/**
 * What a hostile or careless conversation sounds like: the caller and the assistant both "say" every configured
 * secret, one of them split by a control character, and end with a newline that starts a forged log line.
 * Enabled only by {@link SecretsNeverLeakTest}'s profile.
 */
@Alternative
@ApplicationScoped
public class CanaryReplyScript implements ReplyScript {

    @Override
    public String transcribe(byte[] userAudio) {
        return SecretsNeverLeakTest.hostile("my keys are");
    }

    @Override
    public String echoTranscript(byte[] userAudio) {
        return SecretsNeverLeakTest.hostile("you said");
    }

    @Override
    public String greetingTranscript(String instructions) {
        return SecretsNeverLeakTest.hostile("hello, I know");
    }

    @Override
    public String toolReplyTranscript(List<String> results, int declinedCalls) {
        return SecretsNeverLeakTest.hostile("the tool said");
    }
}
