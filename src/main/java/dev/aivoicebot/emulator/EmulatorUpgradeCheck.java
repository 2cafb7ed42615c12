package dev.aivoicebot.emulator;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Guards the emulator's upgrade like the real endpoint guards its own: 404 while the emulator is
 * disabled (a real key is configured), 401 without {@code Authorization: Bearer <key>}.
 */
@ApplicationScoped
class EmulatorUpgradeCheck implements HttpUpgradeCheck {

    private final RealtimeEmulator emulator;

    EmulatorUpgradeCheck(RealtimeEmulator emulator) {
        this.emulator = emulator;
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return RealtimeEmulatorWebSocket.ENDPOINT_ID.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        int status = rejection(emulator.enabled(), context.httpRequest().getHeader("Authorization"));
        return status == 0 ? CheckResult.permitUpgrade() : CheckResult.rejectUpgrade(status);
    }

    /** The HTTP status refusing the upgrade, or 0 to let it through. */
    static int rejection(boolean enabled, String authorization) {
        if (!enabled) {
            return 404;
        }
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && !authorization.substring(7).isBlank();
        return bearer ? 0 : 401;
    }
}
