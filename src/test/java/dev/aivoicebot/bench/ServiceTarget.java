package dev.aivoicebot.bench;

import dev.aivoicebot.sim.CallIdentity;
import dev.aivoicebot.sim.ConnectStreamTwiml;
import dev.aivoicebot.sim.TwilioCallSimulator;
import dev.aivoicebot.sim.TwilioSigner;

/**
 * This service as Twilio calls it: the signed {@code POST /voice}, then the stream URL and token its TwiML
 * names, the upgrade signed over that URL exactly as written.
 */
final class ServiceTarget implements CallTarget {

    private final TwilioCallSimulator twilio;
    private final TwilioSigner signer;

    ServiceTarget(TwilioCallSimulator twilio) {
        this.twilio = twilio;
        this.signer = new TwilioSigner(twilio.config().authToken().orElseThrow());
    }

    @Override
    public CallIdentity newCall() {
        return twilio.newCall();
    }

    @Override
    public StreamAddress answer(CallIdentity call) {
        ConnectStreamTwiml twiml = twilio.postVoiceWebhook(call).twiml();
        return new StreamAddress(twilio.config().localStreamUri(twiml.streamUrl()), twiml.parameters(),
                signer.sign(twiml.streamUrl()));
    }
}
