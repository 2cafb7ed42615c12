package dev.aivoicebot.twilio.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Twilio's Calls resource, faked on a real loopback socket: {@code POST /2010-04-01/Accounts/{AccountSid}/Calls/
 * {CallSid}.json}. It checks HTTP basic auth against the one credential it was given (401, error 20003, otherwise),
 * the account in the path, and the form (exactly one of {@code Status=completed|canceled} or a well-formed
 * {@code Twiml=<Response>…}; 400, error 21218 otherwise; a {@code <Dial>} may only dial the addresses it was told
 * are configured), records every request, and answers like Twilio: the call resource as JSON, or a JSON error. A
 * test can tell it how to answer for one CallSid.
 *
 * <p>It also fakes a call's Recordings resource: {@code POST …/Calls/{CallSid}/Recordings.json} starts one (201 and the
 * Recording resource with a new {@code RE…} SID; the form must ask for {@code RecordingChannels=dual},
 * {@code RecordingTrack=both} and a status callback at an https {@code /voice/recording-status} URL, else 400), and
 * {@code POST …/Recordings/{RecordingSid|Twilio.CURRENT}.json} with {@code Status=paused|in-progress|stopped} changes
 * it (404, error 20404, for a recording the call does not have). The same scripted answers apply.
 */
public final class FakeTwilioRest implements AutoCloseable {

    /** How to answer for a CallSid; {@link #UPDATE} unless told otherwise. */
    public enum Answer {
        /** 200 and the updated call resource. */
        UPDATE,
        /** 404, error 20404: the call has ended. */
        NOT_FOUND,
        /** 429, error 20429. */
        TOO_MANY_REQUESTS,
        /** 500, error 20500. */
        SERVER_ERROR,
        /** No answer at all, until the client gives up (or 30 s). */
        HANG,
        /** 401, error 20003, as for a revoked credential. */
        UNAUTHORIZED
    }

    /** One request as the fake saw it; {@code problems} is empty when auth, path and form were right. */
    public record Received(String method, String path, String callSid, String username, Map<String, String> form,
            List<String> problems) {
    }

    private static final Pattern CALL_PATH = Pattern.compile("^/2010-04-01/Accounts/([^/]+)/Calls/(CA[0-9a-fA-F]{32})\\.json$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final String accountSid;
    private final String username;
    private final String password;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private volatile Set<String> dialable = Set.of();
    private volatile Consumer<Received> onRequest = request -> {
    };

    /** Accepts requests for {@code accountSid} authenticated as {@code username}:{@code password}. */
    public FakeTwilioRest(String accountSid, String username, String password) throws IOException {
        this.accountSid = accountSid;
        this.username = username;
        this.password = password;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers requests for {@code callSid} this way from now on. */
    public void answer(String callSid, Answer answer) {
        answers.put(callSid, answer);
    }

    /** The numbers and sip: URIs a {@code <Dial>} may dial (the configured transfer targets); none until told. */
    public void allowDialing(Set<String> addresses) {
        dialable = Set.copyOf(addresses);
    }

    /** Runs on the fake's thread when a request has been read, before it is answered. */
    public void onRequest(Consumer<Received> action) {
        onRequest = action;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> received(String callSid) {
        return received.stream().filter(r -> callSid.equals(r.callSid())).toList();
    }

    /** Forgets what was received and every scripted answer. */
    public void reset() {
        received.clear();
        recordings.clear();
        answers.clear();
        createAnswer = Answer.UPDATE;
        onRequest = request -> {
        };
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            Matcher create = CREATE_PATH.matcher(path);
            if (create.matches()) {
                handleCreate(exchange, create);
                return;
            }
            Matcher recording = RECORDINGS_PATH.matcher(path);
            if (recording.matches()) {
                handleRecording(exchange, recording);
                return;
            }
            Matcher call = CALL_PATH.matcher(path);
            String callSid = call.matches() ? call.group(2) : null;
            String user = basicUser(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> form = new LinkedHashMap<>();
            List<String> problems = new ArrayList<>();
            if (!"POST".equals(exchange.getRequestMethod()) || !call.matches()) {
                problems.add("not a call update: " + exchange.getRequestMethod() + " " + path);
            } else if (user == null) {
                problems.add("basic auth missing or wrong");
            } else if (!accountSid.equals(call.group(1))) {
                problems.add("account " + call.group(1) + " is not the credential's");
            } else {
                problems.addAll(formProblems(exchange.getRequestHeaders().getFirst("Content-Type"), body, form));
            }
            Received request = new Received(exchange.getRequestMethod(), path, callSid, user, form, problems);
            received.add(request);
            onRequest.accept(request);
            if (!call.matches()) {
                error(exchange, 404, 20404, "The requested resource " + path + " was not found");
            } else if (user == null || problems.stream().anyMatch(p -> p.startsWith("account"))) {
                error(exchange, 401, 20003, "Authenticate");
            } else if (!problems.isEmpty()) {
                error(exchange, 400, 21218, "Invalid parameter: " + String.join("; ", problems));
            } else {
                answer(exchange, answers.getOrDefault(callSid, Answer.UPDATE), path, callSid, form);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void answer(HttpExchange exchange, Answer answer, String path, String callSid, Map<String, String> form)
            throws IOException, InterruptedException {
        switch (answer) {
            case UPDATE -> {
                ObjectNode resource = JSON.createObjectNode().put("sid", callSid).put("account_sid", accountSid)
                        .put("api_version", "2010-04-01").put("direction", "inbound")
                        .put("status", form.getOrDefault("Status", "in-progress")).put("uri", path);
                send(exchange, 200, resource.toString());
            }
            case NOT_FOUND -> error(exchange, 404, 20404, "The requested resource " + path + " was not found");
            case TOO_MANY_REQUESTS -> error(exchange, 429, 20429, "Too Many Requests");
            case SERVER_ERROR -> error(exchange, 500, 20500, "Internal Server Error");
            case HANG -> Thread.sleep(30_000);
            case UNAUTHORIZED -> error(exchange, 401, 20003, "Authenticate");
        }
    }

    private String basicUser(String authorization) {
        if (authorization == null || !authorization.startsWith("Basic ")) {
            return null;
        }
        String pair;
        try {
            pair = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return pair.equals(username + ":" + password) ? username : null;
    }

    /**
     * Reads a form-encoded body into {@code form}, as Twilio reads it; false (and a problem) when the body is not
     * form-encoded, and a problem for every field given twice.
     */
    private static boolean readForm(String contentType, byte[] body, Map<String, String> form, List<String> problems) {
        if (contentType == null || !contentType.startsWith("application/x-www-form-urlencoded")) {
            problems.add("content type " + contentType);
            return false;
        }
        String text = new String(body, StandardCharsets.US_ASCII);
        for (String pair : text.isEmpty() ? new String[0] : text.split("&")) {
            String[] nameValue = pair.split("=", 2);
            String name = URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8);
            String value = nameValue.length == 2 ? URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8) : "";
            if (form.put(name, value) != null) {
                problems.add("field " + name + " given twice");
            }
        }
        return true;
    }

    private List<String> formProblems(String contentType, byte[] body, Map<String, String> form) {
        List<String> problems = new ArrayList<>();
        if (!readForm(contentType, body, form, problems)) {
            return problems;
        }
        boolean status = form.containsKey("Status");
        boolean twiml = form.containsKey("Twiml");
        if (status == twiml || form.size() != 1) {
            problems.add("expected exactly one of Status and Twiml: " + form.keySet());
        } else if (status && !List.of("completed", "canceled").contains(form.get("Status"))) {
            problems.add("Status " + form.get("Status"));
        } else if (twiml) {
            Document document = parse(form.get("Twiml"));
            if (document == null || !"Response".equals(document.getDocumentElement().getTagName())) {
                problems.add("Twiml is not a well-formed <Response> document");
            } else {
                for (String noun : List.of("Number", "Sip", "Client", "Conference", "Queue")) {
                    NodeList dialed = document.getElementsByTagName(noun);
                    for (int i = 0; i < dialed.getLength(); i++) {
                        String address = dialed.item(i).getTextContent().strip();
                        if (!dialable.contains(address)) {
                            problems.add("Twiml dials " + noun + " " + address + ", not a configured target");
                        }
                    }
                }
            }
        }
        return problems;
    }

    /** The TwiML as a document; null when it is not well-formed XML. */
    public static Document parse(String twiml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(twiml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            return null;
        }
    }

    private static void error(HttpExchange exchange, int status, int code, String message) throws IOException {
        ObjectNode error = JSON.createObjectNode().put("code", code).put("message", message)
                .put("more_info", "https://www.twilio.com/docs/errors/" + code).put("status", status);
        send(exchange, status, error.toString());
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    // ---- The Recordings resource of a call ---------------------------------------------------------

    private static final Pattern RECORDINGS_PATH = Pattern.compile(
            "^/2010-04-01/Accounts/([^/]+)/Calls/(CA[0-9a-fA-F]{32})/Recordings(?:/(RE[0-9a-fA-F]{32}|Twilio\\.CURRENT))?\\.json$");
    private static final Set<String> CALLBACK_EVENTS = Set.of("in-progress", "completed", "absent");
    private static final Set<String> CREATE_FIELDS = Set.of("RecordingChannels", "RecordingTrack",
            "RecordingStatusCallback", "RecordingStatusCallbackMethod", "RecordingStatusCallbackEvent", "Trim",
            "PlayBeep");

    /** The recording of the fake's calls, by RE… SID. */
    private record FakeRecording(String callSid, String status) {
    }

    private final Map<String, FakeRecording> recordings = new ConcurrentHashMap<>();

    /** The status of a recording this fake started ({@code in-progress}, {@code paused}, {@code stopped}); null if none. */
    public String recordingStatus(String recordingSid) {
        FakeRecording recording = recordings.get(recordingSid);
        return recording == null ? null : recording.status();
    }

    /** Whether a request went to a call's Recordings resource. */
    public static boolean isRecordingRequest(Received request) {
        return request.path().contains("/Recordings");
    }

    private void handleRecording(HttpExchange exchange, Matcher path) throws IOException, InterruptedException {
        String callSid = path.group(2);
        String recordingSid = path.group(3);
        String user = basicUser(exchange.getRequestHeaders().getFirst("Authorization"));
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, String> form = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        boolean auth = user != null && accountSid.equals(path.group(1));
        if (!"POST".equals(exchange.getRequestMethod())) {
            problems.add("not a POST: " + exchange.getRequestMethod());
        } else if (!auth) {
            problems.add("basic auth missing or wrong, or another account");
        } else {
            problems.addAll(recordingFormProblems(exchange.getRequestHeaders().getFirst("Content-Type"), body, form,
                    recordingSid == null));
        }
        Received request = new Received(exchange.getRequestMethod(), path.group(0), callSid, user, form, problems);
        received.add(request);
        onRequest.accept(request);
        if (!auth) {
            error(exchange, 401, 20003, "Authenticate");
            return;
        }
        if (!problems.isEmpty()) {
            error(exchange, 400, 21218, "Invalid parameter: " + String.join("; ", problems));
            return;
        }
        Answer answer = answers.getOrDefault(callSid, Answer.UPDATE);
        if (answer != Answer.UPDATE) {
            answer(exchange, answer, path.group(0), callSid, form);
            return;
        }
        if (recordingSid == null) {
            String sid = "RE" + java.util.UUID.randomUUID().toString().replace("-", "");
            recordings.put(sid, new FakeRecording(callSid, "in-progress"));
            send(exchange, 201, recordingResource(sid, callSid, "in-progress").toString());
            return;
        }
        String sid = "Twilio.CURRENT".equals(recordingSid) ? recordings.entrySet().stream()
                .filter(e -> e.getValue().callSid().equals(callSid) && !e.getValue().status().equals("stopped"))
                .map(Map.Entry::getKey).findFirst().orElse(null) : recordingSid;
        FakeRecording recording = sid == null ? null : recordings.get(sid);
        if (recording == null || !recording.callSid().equals(callSid)) {
            error(exchange, 404, 20404, "The requested resource " + path.group(0) + " was not found");
            return;
        }
        if (recording.status().equals("stopped")) {
            error(exchange, 400, 21220, "Recording is stopped");
            return;
        }
        recordings.put(sid, new FakeRecording(callSid, form.get("Status")));
        send(exchange, 200, recordingResource(sid, callSid, form.get("Status")).toString());
    }

    private ObjectNode recordingResource(String sid, String callSid, String status) {
        return JSON.createObjectNode().put("sid", sid).put("account_sid", accountSid).put("call_sid", callSid)
                .put("api_version", "2010-04-01").put("status", status).put("channels", 2).put("track", "both")
                .put("source", "StartCallRecordingAPI").put("uri", "/2010-04-01/Accounts/" + accountSid + "/Calls/"
                        + callSid + "/Recordings/" + sid + ".json");
    }

    private static List<String> recordingFormProblems(String contentType, byte[] body, Map<String, String> form,
            boolean create) {
        List<String> problems = new ArrayList<>();
        if (!readForm(contentType, body, form, problems)) {
            return problems;
        }
        if (!create) {
            if (!form.keySet().stream().allMatch(f -> f.equals("Status") || f.equals("PauseBehavior"))
                    || !List.of("paused", "in-progress", "stopped").contains(form.get("Status"))) {
                problems.add("expected Status=paused|in-progress|stopped: " + form);
            }
            return problems;
        }
        if (!CREATE_FIELDS.containsAll(form.keySet())) {
            problems.add("unknown fields: " + form.keySet());
        }
        if (!"dual".equals(form.get("RecordingChannels"))) {
            problems.add("RecordingChannels " + form.get("RecordingChannels") + ", expected dual");
        }
        if (!"both".equals(form.get("RecordingTrack"))) {
            problems.add("RecordingTrack " + form.get("RecordingTrack") + ", expected both");
        }
        String callback = form.getOrDefault("RecordingStatusCallback", "");
        java.net.URI uri;
        try {
            uri = java.net.URI.create(callback);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || !"https".equals(uri.getScheme()) || !"/voice/recording-status".equals(uri.getPath())) {
            problems.add("RecordingStatusCallback " + callback + " is not our https recording-status URL");
        }
        if (!"POST".equals(form.getOrDefault("RecordingStatusCallbackMethod", "POST"))) {
            problems.add("RecordingStatusCallbackMethod " + form.get("RecordingStatusCallbackMethod"));
        }
        String events = form.getOrDefault("RecordingStatusCallbackEvent", "completed");
        if (!CALLBACK_EVENTS.containsAll(List.of(events.split(" ")))) {
            problems.add("RecordingStatusCallbackEvent " + events);
        }
        return problems;
    }

    // ---- Placing a call: the account's Calls resource ----------------------------------------------

    private static final Pattern CREATE_PATH = Pattern.compile("^/2010-04-01/Accounts/([^/]+)/Calls\\.json$");
    private static final Set<String> CREATE_CALL_FIELDS = Set.of("To", "From", "Url", "Method", "StatusCallback",
            "StatusCallbackMethod", "StatusCallbackEvent", "MachineDetection", "AsyncAmd", "AsyncAmdStatusCallback",
            "AsyncAmdStatusCallbackMethod");
    private static final Set<String> CALL_EVENTS = Set.of("initiated", "ringing", "answered", "completed");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    private volatile Answer createAnswer = Answer.UPDATE;

    /** Answers requests to place a call this way from now on ({@link Answer#UPDATE}: 201 and a new call). */
    public void answerCreates(Answer answer) {
        createAnswer = answer;
    }

    /** Whether a request placed a call (callSid is then the SID the fake gave it, or null when it refused). */
    public static boolean isCreateRequest(Received request) {
        return request.path().endsWith("/Calls.json");
    }

    private void handleCreate(HttpExchange exchange, Matcher path) throws IOException, InterruptedException {
        String user = basicUser(exchange.getRequestHeaders().getFirst("Authorization"));
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, String> form = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        boolean auth = user != null && accountSid.equals(path.group(1));
        if (!"POST".equals(exchange.getRequestMethod())) {
            problems.add("not a POST: " + exchange.getRequestMethod());
        } else if (!auth) {
            problems.add("basic auth missing or wrong, or another account");
        } else {
            problems.addAll(createProblems(exchange.getRequestHeaders().getFirst("Content-Type"), body, form));
        }
        Answer answer = createAnswer;
        String sid = auth && problems.isEmpty() && answer == Answer.UPDATE
                ? "CA" + java.util.UUID.randomUUID().toString().replace("-", "") : null;
        Received request = new Received(exchange.getRequestMethod(), path.group(0), sid, user, form, problems);
        received.add(request);
        onRequest.accept(request);
        if (!auth) {
            error(exchange, 401, 20003, "Authenticate");
        } else if (!problems.isEmpty()) {
            error(exchange, 400, 21205, "Invalid parameter: " + String.join("; ", problems));
        } else if (answer != Answer.UPDATE) {
            answer(exchange, answer, path.group(0), null, form);
        } else {
            ObjectNode call = JSON.createObjectNode().put("sid", sid).put("account_sid", accountSid)
                    .put("api_version", "2010-04-01").put("direction", "outbound-api").put("to", form.get("To"))
                    .put("from", form.get("From")).put("status", "queued")
                    .put("uri", "/2010-04-01/Accounts/" + accountSid + "/Calls/" + sid + ".json");
            send(exchange, 201, call.toString());
        }
    }

    private static List<String> createProblems(String contentType, byte[] body, Map<String, String> form) {
        List<String> problems = new ArrayList<>();
        if (!readForm(contentType, body, form, problems)) {
            return problems;
        }
        if (!CREATE_CALL_FIELDS.containsAll(form.keySet())) {
            problems.add("unknown fields: " + form.keySet());
        }
        for (String number : List.of("To", "From")) {
            if (!E164.matcher(form.getOrDefault(number, "")).matches()) {
                problems.add(number + " " + form.get(number) + " is not an E.164 number");
            }
        }
        checkCallback(form, "Url", "/voice", problems);
        checkCallback(form, "StatusCallback", "/voice/outbound/status", problems);
        checkCallback(form, "AsyncAmdStatusCallback", "/voice/outbound/amd", problems);
        for (String method : List.of("Method", "StatusCallbackMethod", "AsyncAmdStatusCallbackMethod")) {
            if (!"POST".equals(form.getOrDefault(method, "POST"))) {
                problems.add(method + " " + form.get(method));
            }
        }
        String events = form.getOrDefault("StatusCallbackEvent", "completed");
        if (!CALL_EVENTS.containsAll(List.of(events.split(" ")))) {
            problems.add("StatusCallbackEvent " + events);
        }
        if (!List.of("Enable", "DetectMessageEnd").contains(form.getOrDefault("MachineDetection", "Enable"))) {
            problems.add("MachineDetection " + form.get("MachineDetection"));
        }
        if (!List.of("true", "false").contains(form.getOrDefault("AsyncAmd", "false"))) {
            problems.add("AsyncAmd " + form.get("AsyncAmd"));
        }
        return problems;
    }

    private static void checkCallback(Map<String, String> form, String field, String path, List<String> problems) {
        String url = form.getOrDefault(field, "");
        java.net.URI uri;
        try {
            uri = java.net.URI.create(url);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || !"https".equals(uri.getScheme()) || !path.equals(uri.getPath())) {
            problems.add(field + " " + url + " is not our https " + path + " URL");
        }
    }
}
