package dev.aivoicebot;

import io.restassured.RestAssured;
import java.net.URI;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Requests to the management interface, the port of its own that serves {@code /q/health} and
 * {@code /q/metrics} (a random free port in tests; Quarkus publishes it as {@code test.management.url}).
 */
public final class ManagementInterface {

    private ManagementInterface() {
    }

    /**
     * The management interface's origin, e.g. {@code http://localhost:41234}. (Quarkus' published URL ends in
     * the management root path, {@code /q}; paths in tests are written in full.)
     */
    public static String url() {
        URI published = URI.create(ConfigProvider.getConfig().getValue("test.management.url", String.class));
        return published.getScheme() + "://" + published.getRawAuthority();
    }

    /** A rest-assured request aimed at the management interface instead of the public port. */
    public static RequestSpecification given() {
        return RestAssured.given().baseUri(url()).port(-1);
    }
}
