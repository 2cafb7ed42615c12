package dev.aivoicebot.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every way the service closes a Media Stream ({@link StreamClose}) is asserted, reason and all, by a test that
 * sends its input over a real socket. The tests write the expected reason out as the client reads it (not the
 * constant), so this looks for it in their sources: a new close without a test fails here.
 */
class StreamCloseCoverageTest {

    private static final List<Path> HOSTILE_INPUT_TESTS = List.of(
            Path.of("src/test/java/dev/aivoicebot/twilio/MediaStreamHostileInputTest.java"),
            Path.of("src/test/java/dev/aivoicebot/twilio/CallerNotReadingTest.java"),
            Path.of("src/test/java/dev/aivoicebot/call/CallLimitsTest.java"));
    /** No input provokes it: it answers a bug of ours. */
    private static final Set<StreamClose> NOT_PROVOKABLE = EnumSet.of(StreamClose.INTERNAL_ERROR);

    @Test
    void everyCloseIsAssertedByAHostileInputTest() throws IOException {
        StringBuilder sources = new StringBuilder();
        for (Path test : HOSTILE_INPUT_TESTS) {
            sources.append(Files.readString(test));
        }
        List<StreamClose> untested = new ArrayList<>();
        for (StreamClose close : EnumSet.complementOf(EnumSet.copyOf(NOT_PROVOKABLE))) {
            String[] parts = close.template().split("%s", -1);
            StringBuilder literal = new StringBuilder("\"");
            for (int i = 0; i < parts.length; i++) {
                literal.append(i > 0 ? "[^\"]*" : "").append(Pattern.quote(parts[i]));
            }
            if (!Pattern.compile(literal.append('"').toString()).matcher(sources).find()) {
                untested.add(close);
            }
        }
        assertEquals(List.of(), untested, "closes no test asserts");
    }
}
