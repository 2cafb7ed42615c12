package dev.aivoicebot;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import org.jboss.logging.Logger;

/**
 * A request body the framework cannot decode is the client's error: broken %-encoding in a form (the framework's
 * decoder throws IllegalArgumentException) is 400, a charset we do not have is 415, each with a one-line body.
 * Without this they would be 500s, each logged with a stack trace. Wraps every body read, so any endpoint that
 * takes a decoded body is covered; bodies read as raw streams never get here with these errors.
 */
@Provider
public class MalformedBodyGuard implements ReaderInterceptor {

    private static final Logger LOG = Logger.getLogger(MalformedBodyGuard.class);
    private static final ClientErrorLog MALFORMED = new ClientErrorLog(LOG, Logger.Level.INFO,
            "Refused a request body that cannot be decoded (400)");
    private static final ClientErrorLog UNKNOWN_CHARSET = new ClientErrorLog(LOG, Logger.Level.INFO,
            "Refused a request body in an unsupported charset (415)");

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        try {
            return context.proceed();
        } catch (UnsupportedEncodingException e) {
            UNKNOWN_CHARSET.report();
            throw refusal(Response.Status.UNSUPPORTED_MEDIA_TYPE, "unsupported charset");
        } catch (IllegalArgumentException e) {
            MALFORMED.report();
            throw refusal(Response.Status.BAD_REQUEST, "malformed request body");
        }
    }

    private static WebApplicationException refusal(Response.Status status, String message) {
        return new WebApplicationException(Response.status(status).type(MediaType.TEXT_PLAIN).entity(message + "\n").build());
    }
}
