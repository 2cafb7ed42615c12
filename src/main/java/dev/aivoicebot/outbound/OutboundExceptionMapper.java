package dev.aivoicebot.outbound;

import dev.aivoicebot.safety.SafeText;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where an {@link OutboundException} becomes an HTTP answer: {@code {"error":{code,message}}}. */
class OutboundExceptionMapper {

    @RegisterForReflection
    record ErrorBody(Detail error) {
    }

    @RegisterForReflection
    record Detail(String code, String message) {
    }

    /** Messages may quote the request or Twilio: cleaned here, once for all. */
    @ServerExceptionMapper
    Response map(OutboundException e) {
        return response(e);
    }

    static Response response(OutboundException e) {
        Response.ResponseBuilder response = Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(new Detail(e.code(), SafeText.line(e.getMessage()))));
        e.headers().forEach(response::header);
        return response.build();
    }
}
