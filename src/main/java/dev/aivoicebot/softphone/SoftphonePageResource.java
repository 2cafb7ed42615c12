package dev.aivoicebot.softphone;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;

/**
 * Serves the softphone page from {@code softphone/} on the classpath: a fixed list of files (nothing from the
 * request reaches a path), 404 for all of them while the softphone is off.
 */
@Path("/")
public class SoftphonePageResource {

    static final String PAGE_PATH = "/phone";
    private static final Map<String, String> FILES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "phone.css", "text/css; charset=utf-8",
            "phone.js", "text/javascript; charset=utf-8",
            "capture-worklet.js", "text/javascript; charset=utf-8",
            "playback-worklet.js", "text/javascript; charset=utf-8");
    /** Same-origin only: the page talks to this service and nothing else. */
    private static final String CSP = "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private final Softphone softphone;

    SoftphonePageResource(Softphone softphone) {
        this.softphone = softphone;
    }

    @GET
    public Response root() {
        return softphone.enabled() ? Response.seeOther(URI.create(PAGE_PATH)).build() : SoftphoneErrors.notFound();
    }

    @GET
    @Path("phone")
    public Response page() {
        return file("index.html");
    }

    @GET
    @Path("phone/{file}")
    public Response file(@PathParam("file") String name) {
        String type = FILES.get(name);
        if (!softphone.enabled() || type == null) {
            return SoftphoneErrors.notFound();
        }
        return Response.ok(read(name), type).header("Cache-Control", "no-cache")
                .header("Content-Security-Policy", CSP).header("X-Content-Type-Options", "nosniff").build();
    }

    private static byte[] read(String name) {
        try (InputStream in = SoftphonePageResource.class.getClassLoader().getResourceAsStream("softphone/" + name)) {
            if (in == null) {
                throw new IllegalStateException("softphone/" + name + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
