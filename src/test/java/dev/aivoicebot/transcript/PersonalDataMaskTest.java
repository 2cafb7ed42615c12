package dev.aivoicebot.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.ConfigurationException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PersonalDataMaskTest {

    private final PersonalDataMask cards = PersonalDataMask.cardsOnly();

    @Test
    void cardNumbersAreMaskedHoweverTheyAreWritten() {
        assertEquals("my card is [card ending 1111], thanks", cards.apply("my card is 4111 1111 1111 1111, thanks"));
        assertEquals("[card ending 4444]", cards.apply("5555-5555-5555-4444"));
        assertEquals("Amex [card ending 0005].", cards.apply("Amex 3782 822463 10005."));
        assertEquals("13 digits [card ending 2222]", cards.apply("13 digits 4222222222222"));
        assertEquals("19 digits [card ending 0001]", cards.apply("19 digits 6011 0000 0000 0000 001"));
        assertEquals("two: [card ending 1111] and [card ending 4444]",
                cards.apply("two: 4111111111111111 and 5555 5555 5555 4444"));
    }

    @Test
    void theExpiryAfterTheCardStaysAndTheCardIsStillFound() {
        assertEquals("[card ending 1111] 12 27", cards.apply("4111 1111 1111 1111 12 27"));
        assertEquals("call +1 555 0100, card [card ending 4444]", cards.apply("call +1 555 0100, card 5555 5555 5555 4444"));
    }

    @Test
    void numbersThatAreNotCardsStay() {
        for (String text : List.of("4111 1111 1111 1112", "order 123456789012", "phone 4155550100", "2026-12-03",
                "12345678901234567890123", "")) {
            assertEquals(text, cards.apply(text));
        }
        assertFalse(PersonalDataMask.luhn("4111111111111112"));
        assertTrue(PersonalDataMask.luhn("4111111111111111"));
    }

    @Test
    void aLongRunOfSpacedDigitsIsCheckedInBoundedTime() {
        String digits = "1 ".repeat(16_000);
        long started = System.nanoTime();
        cards.apply(digits);
        assertTrue(System.nanoTime() - started < 2_000_000_000L, "linear in the run's length, not cubic");
    }

    @Test
    void configuredPatternsAreRedactedAndCardsCanBeLeftAlone() {
        PersonalDataMask mask = new PersonalDataMask(false, List.of(Pattern.compile("\\b\\d{2}/\\d{2}/\\d{4}\\b")));
        assertEquals("born [redacted], card 4111 1111 1111 1111",
                mask.apply("born 04/07/1985, card 4111 1111 1111 1111"));
    }

    @Test
    void anInvalidPatternStopsTheStartNamingIt() {
        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> PersonalDataMask.of(new TestTranscriptConfig("logs", false, true,
                        Optional.of("ok\\d|(unclosed"))));
        assertTrue(refused.getMessage().startsWith("TRANSCRIPT_MASK_PATTERN is not a valid regular expression: "),
                refused.getMessage());
    }

}
