package dev.aivoicebot.admin;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminAccessTest {

    private static final String KEY = "admin-key-for-a-unit-test";

    @Test
    void theRightKeyPassesAndAWrongOneIs401() {
        AdminAccess access = new AdminAccess(config(KEY));
        assertDoesNotThrow(() -> access.check("Bearer " + KEY, "10.0.0.1"));
        AdminException e = assertThrows(AdminException.class, () -> access.check("Bearer nope", "10.0.0.1"));
        assertEquals(Response.Status.UNAUTHORIZED, e.status());
        assertTrue(e.headers().get("WWW-Authenticate").startsWith("Bearer"));
        assertEquals(Response.Status.UNAUTHORIZED,
                assertThrows(AdminException.class, () -> access.check(null, "10.0.0.1")).status());
    }

    @Test
    void tooManyWrongKeysLockTheAddressOutEvenForTheRightKeyButNotOthers() {
        AdminAccess access = new AdminAccess(config(KEY));
        for (int i = 0; i < AdminAccess.AUTH_FAILURES; i++) {
            assertThrows(AdminException.class, () -> access.check("Bearer guess", "10.0.0.2"));
        }
        AdminException locked = assertThrows(AdminException.class, () -> access.check("Bearer " + KEY, "10.0.0.2"));
        assertEquals(Response.Status.TOO_MANY_REQUESTS, locked.status());
        assertTrue(Long.parseLong(locked.headers().get("Retry-After")) > 0);
        assertDoesNotThrow(() -> access.check("Bearer " + KEY, "10.0.0.3"));
    }

    @Test
    void withoutAKeyEverythingPasses() {
        AdminAccess access = new AdminAccess(config(null));
        assertTrue(access.open());
        assertDoesNotThrow(() -> access.check(null, "10.0.0.4"));
    }

    @Test
    void productionRefusesToStartOpen() {
        assertTrue(AdminStartupCheck.problem(true, Optional.empty()).orElseThrow().contains("set ADMIN_API_KEY"));
        assertTrue(AdminStartupCheck.problem(true, Optional.of(" ")).isPresent(), "a blank key is no key");
        assertTrue(AdminStartupCheck.problem(true, Optional.of(KEY)).isEmpty());
        assertTrue(AdminStartupCheck.problem(false, Optional.empty()).isEmpty());
    }

    private static AdminConfig config(String key) {
        return new AdminConfig() {
            @Override
            public Optional<String> apiKey() {
                return Optional.ofNullable(key);
            }

            @Override
            public boolean requireApiKey() {
                return false;
            }
        };
    }
}
