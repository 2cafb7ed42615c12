package dev.aivoicebot.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When the emulator is served, and which upgrades it refuses. */
class EmulatorActivationTest {

    @Test
    void autoModeServesTheEmulatorExactlyWhenThereIsNoApiKey() {
        assertTrue(RealtimeEmulator.enabled(Optional.empty(), Optional.empty()));
        assertFalse(RealtimeEmulator.enabled(Optional.empty(), Optional.of("sk-live")));
    }

    @Test
    void anExplicitSettingWins() {
        assertTrue(RealtimeEmulator.enabled(Optional.of(true), Optional.of("sk-live")));
        assertFalse(RealtimeEmulator.enabled(Optional.of(false), Optional.empty()));
    }

    @Test
    void upgradesAreRefusedWith404WhenDisabledAnd401WithoutABearerToken() {
        assertEquals(404, EmulatorUpgradeCheck.rejection(false, "Bearer sk-test"));
        assertEquals(401, EmulatorUpgradeCheck.rejection(true, null));
        assertEquals(401, EmulatorUpgradeCheck.rejection(true, "Bearer "));
        assertEquals(401, EmulatorUpgradeCheck.rejection(true, "Basic abc"));
        assertEquals(0, EmulatorUpgradeCheck.rejection(true, "Bearer sk-test"));
        assertEquals(0, EmulatorUpgradeCheck.rejection(true, "bearer sk-test"));
    }
}
