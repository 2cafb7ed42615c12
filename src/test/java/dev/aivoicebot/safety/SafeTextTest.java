package dev.aivoicebot.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SafeTextTest {

    private static final String SECRET = "hunter2-secret-xyz";
    private static final String CALL_SID = "CA0123456789abcdef0123456789abcdef";

    @BeforeAll
    static void registerTheSecret() {
        SafeText.registerSecret(SECRET);
    }

    @Test
    void controlsAndLineSeparatorsBecomeSpacesSoTextStaysOnOneLine() {
        assertEquals("a b c [31md e f g h i", SafeText.of("a\nb\rc\u001b[31md\u0085e\u2028f\u2029g\u0000h\u007fi"));
        assertEquals("one line", SafeText.of("\r\n one line\t\n"));
    }

    @Test
    void invisibleFormatCharactersAreDropped() {
        assertEquals("abcdefghix", SafeText.of("abc\u202edef\u200bghi\u2066x\u2069\ufeff"));
    }

    @Test
    void aConfiguredSecretIsRedactedWhereverItIs() {
        assertEquals("pw ***!", SafeText.of("pw " + SECRET + "!"));
        assertEquals("*** and ***", SafeText.line(SECRET + " and " + SECRET));
    }

    @Test
    void aSecretSplitByControlOrInvisibleCharactersIsStillRedacted() {
        assertEquals("pw ***", SafeText.of("pw hunter2\n-secret\u0000-xyz"));
        assertEquals("pw ***", SafeText.of("pw hunter2\u202e-secret\u200b-xyz"));
        assertEquals("***", SafeText.of("hunter2-secret-x\r\nyz"));
    }

    @Test
    void theStartOfASecretWhereTheTextWasCutOffIsRedacted() {
        assertEquals("you said ***", SafeText.of("you said " + SECRET.substring(0, 8)));
        assertEquals("you said ***", SafeText.of("you said " + SECRET.substring(0, 12) + "\n"));
        assertEquals("you said " + SECRET.substring(0, 7), SafeText.of("you said " + SECRET.substring(0, 7)));
        assertEquals("a " + SECRET.substring(0, 9) + " b", SafeText.of("a " + SECRET.substring(0, 9) + " b"),
                "only where the text ends");
    }

    @Test
    void openAiKeysAreRedactedMaskedOrNot() {
        assertEquals("key sk-***.", SafeText.of("key sk-proj-AbC123_def-456GHI."));
        assertEquals("Incorrect API key provided: sk-***", SafeText.of("Incorrect API key provided: sk-abc1*************wxyz"));
        assertEquals("key: sk-***", SafeText.of("key:\nsk-abcdefghijkl"));
        assertEquals("sk-***", SafeText.of("sk-abcd\u0000efghijkl"));
        assertEquals("a risk-free, task-oriented ask-for-help", SafeText.of("a risk-free, task-oriented ask-for-help"));
    }

    @Test
    void standaloneHexTokensAreRedactedButTwilioSidsStayReadable() {
        assertEquals("token ***.", SafeText.of("token 0123456789abcdef0123456789abcdef."));
        assertEquals("call " + CALL_SID, SafeText.of("call " + CALL_SID));
        assertEquals("stream MZ0123456789abcdef0123456789abcdef", SafeText.of("stream MZ0123456789abcdef0123456789abcdef"));
        assertEquals("request req_0123456789abcdef0123456789abcdef", SafeText.of("request req_0123456789abcdef0123456789abcdef"));
    }

    @Test
    void fieldsAreCappedLinesOnlyWhenRunaway() {
        assertEquals("x".repeat(SafeText.FIELD_MAX) + "…", SafeText.of("x".repeat(400)));
        assertEquals("x".repeat(5_000), SafeText.line("x".repeat(5_000)));
        assertEquals("x".repeat(SafeText.LINE_MAX) + "…", SafeText.line("x".repeat(SafeText.LINE_MAX + 1)));
        String emoji = "x".repeat(SafeText.FIELD_MAX - 1) + "\ud83d\ude00";
        assertEquals("x".repeat(SafeText.FIELD_MAX - 1) + "…", SafeText.of(emoji), "a surrogate pair is never cut in half");
    }

    @Test
    void redactionComesBeforeTheCutSoNoPartOfASecretSurvivesIt() {
        String text = "x".repeat(SafeText.FIELD_MAX - 5) + SECRET;
        assertEquals("x".repeat(SafeText.FIELD_MAX - 5) + "***", SafeText.of(text));
    }

    @Test
    void nullIsEmptyAndCleanTextIsUnchanged() {
        assertEquals("", SafeText.of(null));
        assertEquals("", SafeText.line(null));
        assertEquals("Hi, how can I help? Ça va — 你好 😀", SafeText.line("Hi, how can I help? Ça va — 你好 😀"));
    }

    @Test
    void cleaningTwiceChangesNothing() {
        String once = SafeText.of("e\n" + SECRET + " sk-abcdefghijkl 0123456789abcdef0123456789abcdef " + "y".repeat(400));
        assertEquals(once, SafeText.of(once));
        assertEquals(once, SafeText.line(once));
    }
}
