package dev.aivoicebot.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.runtime.configuration.ConfigurationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** TRANSFER_TARGETS as the start-up reads it: names to E.164 numbers or sip: URIs, and one clear line when bad. */
class TransferTargetsTest {

    @Test
    void namesMapToNumbersAndSipUrisInTheirOrder() {
        Map<String, String> targets = TransferTargets.parse(" sales=+15550100, support = sip:desk@pbx.example.com ,"
                + "night_desk=sip:night@10.0.0.7:5061;transport=tls,");
        assertEquals(List.of("sales", "support", "night_desk"), List.copyOf(targets.keySet()));
        assertEquals("+15550100", targets.get("sales"));
        assertEquals("sip:desk@pbx.example.com", targets.get("support"));
        assertEquals(Map.of(), TransferTargets.parse(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sales=15550100", "sales=+0555", "sales=+1555010O", "sales", "=+15550100",
            "9lives=+15550100", "sales=tel:+15550100", "sales=sip:desk", "sales=+15550100 ext 2",
            "sales=sip:desk@pbx.example.com?x=<y>"})
    void aBadEntryStopsTheStartWithOneLineNamingIt(String entry) {
        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> TransferTargets.parse("support=+15550101," + entry));
        assertEquals(1, refused.getMessage().lines().count());
        assertEquals(true, refused.getMessage().startsWith("TRANSFER_TARGETS entry '" + entry.strip() + "' is invalid: "),
                refused.getMessage());
    }

    @Test
    void aNameGivenTwiceIsRefused() {
        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> TransferTargets.parse("sales=+15550100,sales=+15550101"));
        assertEquals("TRANSFER_TARGETS entry 'sales=+15550101' is invalid: the name sales is given twice",
                refused.getMessage());
    }
}
