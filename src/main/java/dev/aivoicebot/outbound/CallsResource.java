package dev.aivoicebot.outbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivoicebot.safety.CallSid;
import dev.aivoicebot.safety.SafeText;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * {@code POST /calls} places a call through Twilio; {@code GET /calls/{sid}/status} says where it is. Checks run
 * cheapest first (access, body, allow-list) so nothing refused reaches Twilio. The request to Twilio never holds a
 * thread: the answer is a stage completed by the reactive client.
 */
@Path("/calls")
public class CallsResource {

    private static final Logger LOG = Logger.getLogger(CallsResource.class);

    private final OutboundAccess access;
    private final Destinations destinations;
    private final CallPlacer placer;
    private final OutboundCalls calls;
    private final OutboundMetrics metrics;
    private final OutboundConfig config;
    private final CallRequestParser parser;
    private final ProfileNames profiles;

    CallsResource(OutboundAccess access, Destinations destinations, CallPlacer placer, OutboundCalls calls,
            OutboundMetrics metrics, OutboundConfig config, ObjectMapper json, ProfileNames profiles) {
        this.profiles = profiles;
        this.access = access;
        this.destinations = destinations;
        this.placer = placer;
        this.calls = calls;
        this.metrics = metrics;
        this.config = config;
        this.parser = new CallRequestParser(json);
    }

    // No @Consumes: a wrong Content-Type gets our JSON error rather than the framework's bare 415.
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> place(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Context RoutingContext http, String body) {
        access.checkCaller(authorization, client(http));
        OutboundPlan plan;
        try {
            plan = plan(contentType, body);
        } catch (OutboundException refused) {
            metrics.count(OutboundMetrics.Outcome.REFUSED);
            throw refused;
        }
        if (!placer.available()) {
            throw new OutboundException(Response.Status.SERVICE_UNAVAILABLE, "call_control_off",
                    "outbound calls need Twilio call control: set TWILIO_ACCOUNT_SID and TWILIO_API_KEY with "
                            + "TWILIO_API_SECRET (or TWILIO_AUTH_TOKEN)");
        }
        boolean leaveMessage = VoicemailAction.of(config.voicemailAction()) == VoicemailAction.MESSAGE;
        return placer.place(plan.to(), plan.from(), leaveMessage).thenApply(placed -> answer(plan, placed));
    }

    @GET
    @Path("/{sid}/status")
    @Produces(MediaType.APPLICATION_JSON)
    public Response status(@PathParam("sid") String sid, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Context RoutingContext http) {
        access.checkReader(authorization, client(http));
        Optional<OutboundCall> call = CallSid.isValid(sid) ? calls.find(new CallSid(sid)) : Optional.empty();
        if (call.isEmpty()) {
            throw new OutboundException(Response.Status.NOT_FOUND, "not_found",
                    "no call " + SafeText.of(sid) + " placed by this server");
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("callSid", call.get().callSid());
        body.put("status", call.get().progress().twilioName());
        AnsweredBy answeredBy = call.get().answeredBy();
        if (answeredBy != null) {
            body.put("answeredBy", answeredBy.twilioName());
        }
        return Response.ok(body).build();
    }

    private OutboundPlan plan(String contentType, String body) {
        if (contentType == null || !MediaType.APPLICATION_JSON_TYPE.isCompatible(MediaType.valueOf(contentType))) {
            throw new OutboundException(Response.Status.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                    "send the request as Content-Type: application/json");
        }
        CallRequestParser.CallRequest request = parser.parse(body);
        if (!destinations.allows(request.to())) {
            throw new OutboundException(Response.Status.FORBIDDEN, "destination_not_allowed",
                    "calls to " + request.to() + " are not allowed (OUTBOUND_ALLOWED)");
        }
        if (request.profile() != null && !profiles.names().contains(request.profile())) {
            throw new OutboundException(Response.Status.BAD_REQUEST, "invalid_request", "no profile named '"
                    + request.profile() + "'; known: " + String.join(", ", profiles.names()));
        }
        String from = destinations.callerId(request.from()).orElseThrow(() -> new OutboundException(
                Response.Status.BAD_REQUEST, "invalid_request", request.from() == null
                        ? "no caller ID is configured (OUTBOUND_FROM)"
                        : "'from' " + request.from() + " is not one of this server's numbers (OUTBOUND_FROM)"));
        return new OutboundPlan(request.to(), from, request.profile(),
                request.greeting() != null ? request.greeting() : config.greeting(), request.context());
    }

    private Response answer(OutboundPlan plan, CallPlacer.Placed placed) {
        if (placed.isFailed()) {
            metrics.count(OutboundMetrics.Outcome.CREATE_FAILED);
            return OutboundExceptionMapper.response(new OutboundException(Response.Status.BAD_GATEWAY,
                    "twilio_failed", "Twilio did not create the call: " + placed.failure()));
        }
        metrics.count(OutboundMetrics.Outcome.CREATED);
        calls.placed(placed.callSid(), plan);
        LOG.infof("Call %s placed to %s from %s", placed.callSid(), plan.to(), plan.from());
        Map<String, String> body = new LinkedHashMap<>();
        body.put("callSid", placed.callSid());
        body.put("status", placed.status());
        return Response.status(Response.Status.CREATED).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    private static String client(RoutingContext http) {
        return http.request().remoteAddress() == null ? "unknown" : http.request().remoteAddress().hostAddress();
    }
}
