package dev.aivoicebot.outbound;

import java.util.concurrent.CompletionStage;

/**
 * Places a call through the carrier: the {@code twilio} package implements it over Twilio's REST API. The call is
 * answered by our own voice webhook, reports its progress to our status callback, and detects answering machines
 * asynchronously ({@code waitForMessageEnd}: the result comes once a machine's greeting has ended, so a message
 * left then lands after the beep).
 */
public interface CallPlacer {

    /** Whether calls can be placed (the REST credentials are configured). */
    boolean available();

    /** Never blocks and never completes exceptionally: the stage holds the new CallSid, or why it failed. */
    CompletionStage<Placed> place(String to, String from, boolean waitForMessageEnd);

    /** The new call's SID and Twilio's status for it ({@code queued}), or why none was created. */
    record Placed(String callSid, String status, String failure) {

        public static Placed failed(String why) {
            return new Placed(null, null, why);
        }

        public boolean isFailed() {
            return failure != null;
        }
    }
}
