package dev.aivoicebot.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.aivoicebot.archive.ArchiveUnavailableException;
import dev.aivoicebot.safety.SafeText;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where a refusal of the calls API becomes an answer: {@code {"error", "detail", "parameter"}}. */
class AdminExceptionMapper {

    private static final Logger LOG = Logger.getLogger(AdminExceptionMapper.class);
    private static final int RETRY_AFTER_SECONDS = 5;

    /** @param parameter the query parameter at fault, when one is */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ErrorBody(String error, String detail, String parameter) {
    }

    /** Details may quote the request (a bad filter value): cleaned here, once for all. */
    @ServerExceptionMapper
    Response map(AdminException e) {
        Response.ResponseBuilder response = Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(e.code(), SafeText.line(e.getMessage()), e.parameter()));
        e.headers().forEach(response::header);
        return response.build();
    }

    /** The database behind the API is down: the reader may retry; the cause goes to the log, not to the reader. */
    @ServerExceptionMapper
    Response map(ArchiveUnavailableException e) {
        LOG.warnf("The calls API cannot answer: %s", SafeText.line(e.getMessage()));
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON_TYPE)
                .header("Retry-After", RETRY_AFTER_SECONDS).entity(new ErrorBody("unavailable",
                        "the calls database does not answer; try again shortly", null)).build();
    }
}
