package dev.aivoicebot.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One output item of a response as {@link ResponseStream} plays it: opened, then one piece per timer tick, then
 * closed, whole or (when the response is cancelled) as far as it got. Called on the connection's event loop only.
 */
interface OutputItem {

    /** Sends the events that add the item to the response and the conversation. */
    void open(String responseId, int outputIndex);

    /** Sends the next piece, if any; true while more remain. */
    boolean next();

    /** Sends the closing events; returns the item as {@code response.done} lists it. */
    ObjectNode close(boolean whole);

    /** Audio bytes sent so far. */
    default int audioBytes() {
        return 0;
    }

    /** Text sent so far (transcript, arguments), for the token counts. */
    String text();

    /** The caller barged in: send what the real service would still have had on the wire. */
    default void sendInFlight() {
    }
}
