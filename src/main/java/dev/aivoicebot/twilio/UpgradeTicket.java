package dev.aivoicebot.twilio;

import io.vertx.core.http.HttpServerRequest;

/**
 * The one way into a Media Stream besides Twilio's signature: a client that cannot sign like Twilio (the browser
 * softphone implements this) may present a credential of its own on the upgrade request. Declared here so this
 * package needs to know nothing of who does.
 */
public interface UpgradeTicket {

    /** Whether this upgrade request carries a valid, unused ticket. */
    boolean admitsUpgrade(HttpServerRequest request);
}
