package dev.aivoicebot.softphone;

import dev.aivoicebot.call.CallAdmission;
import dev.aivoicebot.metrics.CallRejection;
import dev.aivoicebot.safety.CallSid;
import dev.aivoicebot.transcript.TranscriptFeed;
import dev.aivoicebot.transcript.TranscriptFeeds;
import dev.aivoicebot.transcript.TranscriptLine;
import dev.aivoicebot.twilio.PublicEndpoints;
import dev.aivoicebot.twilio.StreamTokens;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * The softphone's side of what Twilio does for a phone call: {@code POST /phone/calls} admits a demo call like
 * the webhook does and hands the page what Twilio would get (CallSid, stream token) plus the ticket that opens
 * the stream without a Twilio signature; {@code GET /phone/calls/{callSid}/transcript} streams that call's
 * transcript to the holder of its key. Both are 404 while the softphone is off.
 */
@Path("/phone/calls")
public class DemoCallResource {

    @RegisterForReflection
    record DemoCall(String callSid, String streamToken, String streamUrl, String transcriptUrl) {
    }

    @RegisterForReflection
    record TranscriptEvent(String at, String speaker, boolean interrupted, String text) {
        static TranscriptEvent of(TranscriptLine line) {
            return new TranscriptEvent(line.at().toString(), line.speaker().tag(), line.interrupted(), line.text());
        }
    }

    /** Per instance, not static: a static one would be created at native build time with a fixed seed. */
    private final SecureRandom random = new SecureRandom();
    private final Softphone softphone;
    private final CallAdmission admission;
    private final StreamTokens tokens;
    private final DemoCredentials credentials;
    private final TranscriptFeeds feeds;

    DemoCallResource(Softphone softphone, CallAdmission admission, StreamTokens tokens, DemoCredentials credentials,
            TranscriptFeeds feeds) {
        this.softphone = softphone;
        this.admission = admission;
        this.tokens = tokens;
        this.credentials = credentials;
        this.feeds = feeds;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response start(@Context UriInfo uri) {
        if (!softphone.enabled()) {
            return SoftphoneErrors.notFound();
        }
        Optional<CallRejection> refused = admission.checkRoom();
        if (refused.isPresent()) {
            return SoftphoneErrors.of(Response.Status.SERVICE_UNAVAILABLE, refused.get() == CallRejection.DRAINING
                    ? "the service is shutting down; try again in a moment"
                    : "all assistants are busy (MAX_CONCURRENT_CALLS reached); try again in a moment");
        }
        CallSid callSid = new CallSid("CA" + HexFormat.of().formatHex(randomBytes(16)));
        if (feeds.watch(callSid).isEmpty()) {
            return SoftphoneErrors.of(Response.Status.TOO_MANY_REQUESTS, "too many demo calls started; wait a minute");
        }
        String key = credentials.transcriptKey(callSid);
        URI base = uri.getBaseUri();
        String ws = ("https".equals(base.getScheme()) ? "wss://" : "ws://") + base.getRawAuthority();
        return Response.ok(new DemoCall(callSid.value(), tokens.mint(callSid),
                ws + PublicEndpoints.STREAM_PATH + "?" + Softphone.CALL_PARAMETER + "=" + callSid + "&"
                        + Softphone.TICKET_PARAMETER + "=" + credentials.ticket(callSid),
                "/phone/calls/" + callSid + "/transcript?key=" + key)).build();
    }

    @GET
    @Path("{callSid}/transcript")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<TranscriptEvent> transcript(@PathParam("callSid") String callSid, @QueryParam("key") String key) {
        if (!softphone.enabled()) {
            throw new WebApplicationException(SoftphoneErrors.notFound());
        }
        if (!credentials.acceptTranscriptKey(callSid, key)) {
            throw new WebApplicationException(SoftphoneErrors.of(Response.Status.FORBIDDEN,
                    "transcript key missing, invalid or expired"));
        }
        Optional<TranscriptFeed> feed = feeds.find(callSid);
        if (feed.isEmpty()) {
            throw new WebApplicationException(SoftphoneErrors.of(Response.Status.NOT_FOUND,
                    "no live transcript for this call (it ended a while ago)"));
        }
        return feed.get().lines().map(TranscriptEvent::of);
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
