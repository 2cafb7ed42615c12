package dev.aivoicebot.call;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Where {@code transfer_call} may send a caller; the environment names are in EnvironmentNames. */
@ConfigMapping(prefix = "transfer")
public interface TransferConfig {

    /**
     * The people a caller can be transferred to, by name: {@code sales=+15550100,support=sip:desk@pbx.example.com}
     * (E.164 numbers or sip: URIs). Unset: no transfer tool. The model chooses a name, never a number.
     */
    Optional<String> targets();

    /** How long the target's phone rings before the caller comes back to the assistant. */
    @WithDefault("20s")
    Duration dialTimeout();
}
