package dev.aivoicebot.call;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Which assistant answers which of our numbers; the environment name is in EnvironmentNames. */
@ConfigMapping(prefix = "profiles")
public interface ProfilesConfig {

    /**
     * JSON file of assistant profiles, each answering the numbers it lists (docs/profiles.md); absent means one
     * assistant, from the ASSISTANT_* settings, on every number.
     */
    Optional<String> file();
}
