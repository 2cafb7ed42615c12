package dev.aivoicebot.bench;

import dev.aivoicebot.sim.CallIdentity;
import java.net.URI;
import java.util.Map;

/**
 * The one place where the bridges the benchmark compares differ for the callers: which webhook Twilio would
 * call, and how its TwiML becomes a Media Stream to open on loopback. Everything after the stream is open
 * (frames, marks, clears, tags) is the same for every target.
 */
interface CallTarget {

    /** A new call's identifiers. */
    CallIdentity newCall();

    /** Posts the voice webhook for {@code call} and reads where its TwiML points the stream. */
    StreamAddress answer(CallIdentity call);

    /**
     * Where to open a call's stream.
     *
     * @param local      the stream's URL on loopback
     * @param parameters the TwiML's {@code <Parameter>}s, sent back in {@code start.customParameters}
     * @param signature  {@code X-Twilio-Signature} for the upgrade; null when the target checks none
     */
    record StreamAddress(URI local, Map<String, String> parameters, String signature) {
    }
}
