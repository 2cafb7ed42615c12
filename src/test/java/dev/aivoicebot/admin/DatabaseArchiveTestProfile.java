package dev.aivoicebot.admin;

import dev.aivoicebot.store.PostgresResource;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link ArchiveTestProfile} with DB_URL set to a throw-away PostgreSQL, and a LOG_DIR of its own. */
public class DatabaseArchiveTestProfile extends ArchiveTestProfile {

    static final Path LOG_DIR = freshDir();

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        config.put("transcript.dir", LOG_DIR.toString());
        return config;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresResource.class));
    }
}
