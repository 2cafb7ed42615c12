package dev.aivoicebot.softphone;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.CompletionException;

/** Opens {@code /voice/stream} the way the softphone page does (no Twilio signature) and reports the HTTP status. */
final class StreamUpgrade {

    private StreamUpgrade() {
    }

    /** 101 when the upgrade was accepted (the socket is closed again at once), else the refusal's status. */
    static int status(URL base, String query) {
        URI uri = URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/voice/stream"
                + (query == null ? "" : "?" + query));
        try {
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                    .buildAsync(uri, new WebSocket.Listener() {
                    }).join();
            socket.abort();
            return 101;
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }
}
