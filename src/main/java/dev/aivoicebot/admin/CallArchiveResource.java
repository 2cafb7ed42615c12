package dev.aivoicebot.admin;

import dev.aivoicebot.archive.CallArchive;
import dev.aivoicebot.archive.CallPage;
import dev.aivoicebot.archive.CallView;
import dev.aivoicebot.safety.CallSid;
import io.smallrye.common.annotation.Blocking;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/calls} and {@code GET /api/calls/{callSid}}: the calls on record, from whichever
 * {@link CallArchive} is configured; {@code DELETE /api/calls/{callSid}} erases one ({@link CallErasure}).
 * Blocking: the archive reads files or a database.
 */
@Path("/api/calls")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "calls", description = "The calls on record: list, filter, read one, erase one")
@SecurityScheme(securitySchemeName = CallArchiveResource.SCHEME, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "ADMIN_API_KEY")
@SecurityRequirement(name = CallArchiveResource.SCHEME)
@APIResponse(responseCode = "401", description = "No or wrong bearer key (WWW-Authenticate: Bearer)")
@APIResponse(responseCode = "429", description = "Too many wrong keys from this address; see Retry-After")
public class CallArchiveResource {

    static final String SCHEME = "adminKey";

    private final CallArchive archive;
    private final AdminAccess access;
    private final CallErasure erasure;

    CallArchiveResource(CallArchive archive, AdminAccess access, CallErasure erasure) {
        this.archive = archive;
        this.access = access;
        this.erasure = erasure;
    }

    @GET
    @Blocking
    @Operation(summary = "List calls, newest first",
            description = "Every filter is optional; all given ones must hold. Page with limit and the previous "
                    + "page's nextCursor.")
    @APIResponse(responseCode = "200", description = "A page of calls")
    @APIResponse(responseCode = "400", description = "A filter cannot be read; the body names the parameter")
    public CallPage list(
            @Parameter(description = "Calls started at or after: ISO-8601 instant, or a UTC date (its start)")
            @QueryParam("since") String since,
            @Parameter(description = "Calls started before: ISO-8601 instant, or a UTC date (through its end)")
            @QueryParam("until") String until,
            @Parameter(description = "Caller's number, E.164 exactly (encode + as %2B)") @QueryParam("from") String from,
            @Parameter(description = "Called number, E.164 exactly") @QueryParam("to") String to,
            @Parameter(description = "End reason, e.g. CALLER_HUNG_UP") @QueryParam("endReason") String endReason,
            @Parameter(description = "Text in a transcript line, ignoring case") @QueryParam("q") String q,
            @Parameter(description = "Calls per page, 1 to 200 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @Context RoutingContext http)
            throws IOException {
        access.check(authorization, client(http));
        return archive.list(CallQueryParser.parse(since, until, from, to, endReason, q, limit, cursor));
    }

    @GET
    @Path("{callSid}")
    @Blocking
    @Operation(summary = "One call: its record, every transcript line, summary, outcome, usage and cost")
    @APIResponse(responseCode = "200", description = "The call")
    @APIResponse(responseCode = "400", description = "Not a CallSid (CA followed by 32 hex digits)")
    @APIResponse(responseCode = "404", description = "No such call on record")
    public CallView get(@Parameter(description = "Twilio CallSid") @PathParam("callSid") String callSid,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @Context RoutingContext http)
            throws IOException {
        access.check(authorization, client(http));
        CallSid sid = callSid(callSid);
        return archive.get(sid).orElseThrow(() -> AdminException.notFound("no call " + sid));
    }

    @DELETE
    @Path("{callSid}")
    @Blocking
    @Operation(summary = "Erase one call everywhere it is kept: transcript, details, undelivered event, database rows",
            description = "For a caller's request to be forgotten. Cannot be undone.")
    @APIResponse(responseCode = "204", description = "Erased")
    @APIResponse(responseCode = "400", description = "Not a CallSid (CA followed by 32 hex digits)")
    @APIResponse(responseCode = "404", description = "No such call on record")
    @APIResponse(responseCode = "409", description = "The call is in progress on this replica")
    public void erase(@Parameter(description = "Twilio CallSid") @PathParam("callSid") String callSid,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @Context RoutingContext http)
            throws IOException {
        access.check(authorization, client(http));
        erasure.erase(callSid(callSid));
    }

    private static CallSid callSid(String value) {
        if (!CallSid.isValid(value)) {
            throw AdminException.badParameter("callSid", "expected CA followed by 32 hexadecimal digits");
        }
        return new CallSid(value);
    }

    private static String client(RoutingContext http) {
        return http.request().remoteAddress() == null ? "unknown" : http.request().remoteAddress().hostAddress();
    }
}
