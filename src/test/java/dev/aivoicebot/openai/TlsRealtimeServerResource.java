package dev.aivoicebot.openai;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts a {@link TlsRealtimeServer} and sends calls to it instead of the emulator. By default the
 * application trusts the test CA through a named TLS configuration; with the init arg {@code trusted=false}
 * it is given none, so only the JVM's default trust store applies.
 */
public class TlsRealtimeServerResource implements QuarkusTestResourceLifecycleManager {

    static final String TLS_CONFIGURATION = "realtime-test";

    private boolean trusted = true;
    private TlsRealtimeServer server;

    @Override
    public void init(Map<String, String> initArgs) {
        trusted = !"false".equals(initArgs.get("trusted"));
    }

    @Override
    public Map<String, String> start() {
        TestCertificates certificates = TestCertificates.get();
        try {
            server = new TlsRealtimeServer(certificates);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the TLS Realtime server", e);
        }
        Map<String, String> config = new HashMap<>();
        config.put("emulator.enabled", "false");
        config.put("openai.realtime-url", server.url());
        if (trusted) {
            config.put("openai.tls-configuration-name", TLS_CONFIGURATION);
            config.put("quarkus.tls." + TLS_CONFIGURATION + ".trust-store.pem.certs", certificates.caPem().toString());
        }
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.MatchesType(TlsRealtimeServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
