package dev.aivoicebot.speech;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where a {@link SpeechException} becomes an HTTP answer: {@code {"error":{code,message,field}}}. */
class SpeechExceptionMapper {

    record ErrorBody(Detail error) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Detail(String code, String message, String field) {
    }

    @ServerExceptionMapper
    Response map(SpeechException e) {
        Response.ResponseBuilder response = Response.status(e.outcome().status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(new Detail(e.outcome().code(), e.getMessage(), e.field())));
        e.headers().forEach(response::header);
        return response.build();
    }
}
