package dev.aivoicebot.store;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A throw-away PostgreSQL for a {@code @QuarkusTest}: DB_URL, DB_USER and DB_PASSWORD point the service at it.
 * Inject it into the test with {@link InjectPostgres} to stop and start it.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private TestPostgres postgres;

    @Override
    public Map<String, String> start() {
        postgres = TestPostgres.start();
        return Map.of("quarkus.datasource.jdbc.url", postgres.jdbcUrl(), "quarkus.datasource.username", TestPostgres.USER,
                "quarkus.datasource.password", TestPostgres.PASSWORD, "store.sync-interval", "200ms",
                "store.sync-max-backoff", "1s");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(postgres, new TestInjector.AnnotatedAndMatchesType(InjectPostgres.class,
                TestPostgres.class));
    }

    @Override
    public void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }
}
