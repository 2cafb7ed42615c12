package dev.aivoicebot.admin;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Serves the console from {@code console/} on the classpath: a fixed list of files (nothing from the request
 * reaches a path). The page itself holds no data; it asks {@code /api/calls} with the key its user types in.
 */
@Path("/console")
public class ConsolePageResource {

    private static final Map<String, String> FILES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "console.css", "text/css; charset=utf-8",
            "console.js", "text/javascript; charset=utf-8");
    /** Our own scripts and styles only, talking to this origin only: injected markup could run nothing. */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "img-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

    @GET
    public Response page() {
        return file("index.html");
    }

    @GET
    @Path("{file}")
    public Response file(@PathParam("file") String name) {
        String type = FILES.get(name);
        if (type == null) {
            throw AdminException.notFound("no such console file");
        }
        return Response.ok(read(name), type).header("Cache-Control", "no-cache")
                .header("Content-Security-Policy", CSP).header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer").build();
    }

    private static byte[] read(String name) {
        try (InputStream in = ConsolePageResource.class.getClassLoader().getResourceAsStream("console/" + name)) {
            if (in == null) {
                throw new IllegalStateException("console/" + name + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
