package dev.aivoicebot.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestSignatureTest {

    /**
     * A vector computed outside Java, with the recipe docs/tools.md gives the business:
     * {@code printf '1767225600.{"tool":"x"}' | openssl dgst -sha256 -hmac 'a-shared-secret-0123'}.
     */
    @Test
    void theHeaderIsTheTimeAndTheHexHmacOfTimeDotBody() {
        byte[] body = "{\"tool\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals("t=1767225600,v1=ba799269cb6f5c86ea6e5189a7e7bab48db43f9d9a02ac438ba3c28d831bea85",
                RequestSignature.header("a-shared-secret-0123", 1767225600L, body));
    }
}
