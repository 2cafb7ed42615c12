package dev.aivoicebot.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivoicebot.ManagementInterface;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What an unauthenticated client can hold on the public port: idle connections (plain, keep-alive after a 403,
 * an upgrade request that never finishes) are closed after the idle timeout, connections beyond the bound are
 * closed as they arrive, and none of it reaches the management interface, so liveness keeps answering.
 * Real sockets, real bytes.
 */
@QuarkusTest
@TestProfile(ConnectionLimitsTest.TightLimits.class)
class ConnectionLimitsTest {

    static final int MAX_CONNECTIONS = 20;
    static final long IDLE_MS = 1_500;

    public static class TightLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.limits.max-connections", Integer.toString(MAX_CONNECTIONS),
                    "quarkus.http.idle-timeout", IDLE_MS + "ms");
        }
    }

    @TestHTTPResource("/")
    URL base;

    @Test
    void connectionsBeyondTheBoundAreClosedAndLivenessStillAnswers() throws Exception {
        List<Socket> flood = new ArrayList<>();
        try {
            for (int i = 0; i < 3 * MAX_CONNECTIONS; i++) {
                flood.add(connect());
            }
            long closedAtOnce = flood.stream().filter(s -> closedWithin(s, 300)).count();
            assertTrue(closedAtOnce >= 2 * MAX_CONNECTIONS - 2,
                    "connections beyond the bound are closed at once, got " + closedAtOnce + " of " + flood.size());
            ManagementInterface.given().when().get("/q/health/live").then().statusCode(200);

            for (Socket socket : flood) {
                assertTrue(closedWithin(socket, IDLE_MS + 3_000), "every idle connection is closed after the idle timeout");
            }
        } finally {
            for (Socket socket : flood) {
                socket.close();
            }
        }
        try (Socket socket = connect()) {
            assertEquals(403, status(request(socket, "POST", "/voice", "CallSid=CA" + "0".repeat(32))),
                    "the port serves again once the flood is gone");
        }
    }

    @Test
    void aKeepAliveConnectionAfterA403IsClosedWhenIdle() throws Exception {
        try (Socket socket = connect()) {
            assertEquals(403, status(request(socket, "POST", "/voice", "CallSid=CA" + "0".repeat(32))));
            assertTrue(closedWithin(socket, IDLE_MS + 3_000));
        }
    }

    @Test
    void anUpgradeRequestThatNeverFinishesIsClosed() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /voice/stream HTTP/1.1\r\nHost: " + base.getHost() + "\r\nUpgrade: websocket\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertTrue(closedWithin(socket, IDLE_MS + 3_000), "a half-sent upgrade is not kept forever");
        }
    }

    private Socket connect() throws IOException {
        return new Socket(base.getHost(), base.getPort());
    }

    private String request(Socket socket, String method, String path, String form) throws IOException {
        byte[] body = form.getBytes(StandardCharsets.US_ASCII);
        socket.getOutputStream().write((method + " " + path + " HTTP/1.1\r\nHost: " + base.getHost()
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().write(body);
        socket.getOutputStream().flush();
        socket.setSoTimeout(5_000);
        byte[] buffer = new byte[4096];
        int read = socket.getInputStream().read(buffer);
        return new String(buffer, 0, Math.max(read, 0), StandardCharsets.US_ASCII);
    }

    private static int status(String response) {
        return Integer.parseInt(response.substring(9, 12));
    }

    /** Whether the server closed (or reset) the connection within {@code ms}, reading and discarding anything sent. */
    private static boolean closedWithin(Socket socket, long ms) {
        long deadline = System.nanoTime() + ms * 1_000_000;
        try {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return false;
                }
                socket.setSoTimeout((int) left);
                if (in.read(buffer) < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }
}
