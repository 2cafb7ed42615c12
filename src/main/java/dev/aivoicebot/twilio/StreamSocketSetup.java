package dev.aivoicebot.twilio;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.net.impl.ConnectionBase;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Not a check (every Media Stream upgrade passes here; {@link StreamUpgradeCheck} decides): the one place where
 * the upgrade request, and so the TCP channel, is at hand. It takes the channel for {@link StreamSocket} before
 * the upgrade, so even a connection's first frame is answered with a close frame if it breaks the protocol.
 */
@ApplicationScoped
class StreamSocketSetup implements HttpUpgradeCheck {

    @Override
    public boolean appliesTo(String endpointId) {
        return MediaStreamWebSocket.ENDPOINT_ID.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        // An HTTP/1.1 connection (WebSockets never run over HTTP/2 here) is a Vert.x ConnectionBase.
        ConnectionBase connection = (ConnectionBase) context.httpRequest().connection();
        context.userData().put(StreamSocket.KEY, StreamSocket.of(connection.channel()));
        return CheckResult.permitUpgrade();
    }
}
