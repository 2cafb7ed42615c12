package dev.aivoicebot.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.ConfigurationException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DestinationsTest {

    @Test
    void prefixesAndWholeNumbersAreAllowedAndNothingElse() {
        Destinations destinations = new Destinations(Optional.of(List.of("+1555*", " +442071838750")),
                Optional.of(List.of("+15550100", "+15550101")));
        assertTrue(destinations.allows("+15550123"));
        assertTrue(destinations.allows("+442071838750"));
        assertFalse(destinations.allows("+15560123"));
        assertFalse(destinations.allows("+4420718387501"), "a whole number is not a prefix");
        assertFalse(destinations.allows("+1"));
    }

    @Test
    void anEmptyListAllowsNothing() {
        Destinations destinations = new Destinations(Optional.empty(), Optional.empty());
        assertFalse(destinations.allows("+15550123"));
        assertEquals(Optional.empty(), destinations.callerId(null));
    }

    @Test
    void theCallerIdIsOneOfOursAndTheFirstByDefault() {
        Destinations destinations = new Destinations(Optional.of(List.of("+1*")),
                Optional.of(List.of("+15550100", "+15550101")));
        assertEquals(Optional.of("+15550100"), destinations.callerId(null));
        assertEquals(Optional.of("+15550101"), destinations.callerId("+15550101"));
        assertEquals(Optional.empty(), destinations.callerId("+15550102"));
    }

    @Test
    void aBadEntryStopsTheStartNamingIt() {
        ConfigurationException allowed = assertThrows(ConfigurationException.class,
                () -> new Destinations(Optional.of(List.of("*")), Optional.empty()));
        assertTrue(allowed.getMessage().startsWith("OUTBOUND_ALLOWED entry '*' is invalid"), allowed.getMessage());
        ConfigurationException from = assertThrows(ConfigurationException.class,
                () -> new Destinations(Optional.empty(), Optional.of(List.of("5550100"))));
        assertTrue(from.getMessage().startsWith("OUTBOUND_FROM entry '5550100' is invalid"), from.getMessage());
    }

    @Test
    void productionRefusesAnOpenEndpointOnly() {
        assertTrue(OutboundStartupCheck.problem(true, true, Optional.empty()).isPresent());
        assertTrue(OutboundStartupCheck.problem(true, true, Optional.of(" ")).isPresent());
        assertFalse(OutboundStartupCheck.problem(true, true, Optional.of("key")).isPresent());
        assertFalse(OutboundStartupCheck.problem(false, true, Optional.empty()).isPresent());
        assertFalse(OutboundStartupCheck.problem(true, false, Optional.empty()).isPresent());
    }

    @Test
    void aStatusNeverMovesBack() {
        OutboundCall call = new OutboundCall("CA0123456789abcdef0123456789abcdef",
                new OutboundPlan("+15550123", "+15550100", null, "Hi", ""), 0);
        assertTrue(call.progressed(CallProgress.RINGING, 1));
        assertTrue(call.progressed(CallProgress.IN_PROGRESS, 2));
        assertFalse(call.progressed(CallProgress.RINGING, 3));
        assertTrue(call.progressed(CallProgress.NO_ANSWER, 4));
        assertFalse(call.progressed(CallProgress.COMPLETED, 5), "a final status stays");
        assertEquals(CallProgress.NO_ANSWER, call.progress());
        assertEquals(Optional.of(CallProgress.QUEUED), CallProgress.ofTwilio("initiated"));
        assertEquals(Optional.empty(), CallProgress.ofTwilio("In-Progress"));
    }
}
