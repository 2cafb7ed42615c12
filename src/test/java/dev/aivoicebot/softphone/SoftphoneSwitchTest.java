package dev.aivoicebot.softphone;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.LaunchMode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SoftphoneSwitchTest {

    @Test
    void autoIsOnInDevModeOrWithTheEmulatorAndOffInProductionWithAKey() {
        assertTrue(Softphone.enabled(Optional.empty(), LaunchMode.DEVELOPMENT, false));
        assertTrue(Softphone.enabled(Optional.empty(), LaunchMode.NORMAL, true));
        assertFalse(Softphone.enabled(Optional.empty(), LaunchMode.NORMAL, false));
    }

    @Test
    void anExplicitSettingWins() {
        assertFalse(Softphone.enabled(Optional.of(false), LaunchMode.DEVELOPMENT, true));
        assertTrue(Softphone.enabled(Optional.of(true), LaunchMode.NORMAL, false));
    }
}
