package dev.aivoicebot.store;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How calls are copied to PostgreSQL when {@code DB_URL} is set (the connection itself is Quarkus' datasource:
 * DB_URL, DB_USER, DB_PASSWORD); the environment names are in EnvironmentNames.
 */
@ConfigMapping(prefix = "store")
public interface StoreConfig {

    /** How often the sync worker looks for new transcript lines and ended calls while the database answers. */
    @WithDefault("2s")
    Duration syncInterval();

    /** While the database fails, the wait between attempts doubles from the interval up to this. */
    @WithDefault("30s")
    Duration syncMaxBackoff();
}
