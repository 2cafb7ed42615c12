package dev.aivoicebot.twilio.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * Twilio's Calls resource, {@code {TWILIO_API_BASE_URL}/2010-04-01/Accounts/{AccountSid}/Calls}. Reactive: a
 * request never holds a thread while it waits, so it may be made from an event loop. Every status comes back as a
 * {@link Response}, so {@link TwilioAnswer} can read Twilio's error body.
 */
@Path("/2010-04-01/Accounts/{AccountSid}")
public interface TwilioCallsClient {

    /**
     * Places a call ({@code To}, {@code From}, {@code Url}, {@code StatusCallback}, {@code MachineDetection}…);
     * Twilio answers 201 with the new Call resource, its {@code sid} a CA… and its {@code status} {@code queued}.
     */
    @POST
    @Path("/Calls.json")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> create(@PathParam("AccountSid") String accountSid,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, MultivaluedMap<String, String> form);

    /** Updates a call in progress: {@code Status=completed} hangs it up; {@code Twiml=<Response>…} replaces its TwiML. */
    @POST
    @Path("/Calls/{CallSid}.json")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> update(@PathParam("AccountSid") String accountSid, @PathParam("CallSid") String callSid,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, MultivaluedMap<String, String> form);

    /**
     * Starts a recording of a call in progress ({@code RecordingChannels}, {@code RecordingTrack},
     * {@code RecordingStatusCallback}…); Twilio answers 201 with the Recording resource, its {@code sid} an RE….
     */
    @POST
    @Path("/Calls/{CallSid}/Recordings.json")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> startRecording(@PathParam("AccountSid") String accountSid, @PathParam("CallSid") String callSid,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, MultivaluedMap<String, String> form);

    /** Updates a call's recording: {@code Status=paused|in-progress|stopped}; {@code Twilio.CURRENT} names the one in progress. */
    @POST
    @Path("/Calls/{CallSid}/Recordings/{RecordingSid}.json")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> updateRecording(@PathParam("AccountSid") String accountSid, @PathParam("CallSid") String callSid,
            @PathParam("RecordingSid") String recordingSid, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            MultivaluedMap<String, String> form);
}
