package dev.aivoicebot.speech;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.aivoicebot.safety.SafeText;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where a {@link SpeechException} becomes an HTTP answer: {@code {"error":{code,message,field}}}. */
class SpeechExceptionMapper {

    // A Response entity is not part of the method signature, so the native build must be told about it.
    @RegisterForReflection
    record ErrorBody(Detail error) {
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Detail(String code, String message, String field) {
    }

    /** Messages may quote the request or OpenAI (a field name, a JSON parse error): cleaned here, once for all. */
    @ServerExceptionMapper
    Response map(SpeechException e) {
        String field = e.field() == null ? null : SafeText.of(e.field());
        Response.ResponseBuilder response = Response.status(e.outcome().status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(new Detail(e.outcome().code(), SafeText.line(e.getMessage()), field)));
        e.headers().forEach(response::header);
        return response.build();
    }
}
