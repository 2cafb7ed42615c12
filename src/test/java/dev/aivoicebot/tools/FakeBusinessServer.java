package dev.aivoicebot.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A business's tool server on a real loopback socket, written the way docs/tools.md tells a business to write one:
 * it checks the X-Voice-Bot-Signature (HMAC over "t.body", constant-time compare, t at most 5 minutes old) and the
 * body's shape, and answers 401 / 400 when they are wrong. Each path answers one way: {@code /ok} (JSON naming the
 * order), {@code /text}, {@code /empty} (204), {@code /slow} (after 5 s), {@code /wait} (JSON after 2 s), {@code /fail} (500 with a body the model must
 * not see), {@code /huge} (20 KiB), {@code /reset} (the connection reset, no answer). A plain HTTP/1.1 server on a
 * ServerSocket, since a reset is something no HTTP server library lets a handler do.
 */
public final class FakeBusinessServer implements AutoCloseable {

    /** One request as the server saw it; {@code problems} is empty when signature and body were right. */
    public record Received(String path, Map<String, String> headers, byte[] body, List<String> problems) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static final String FAIL_BODY = "java.lang.NullPointerException at com.example.Orders.lookup(Orders.java:42)";
    static final int HUGE_BYTES = 20 * 1024;
    /** How long {@code /wait} takes to answer: longer than the filler delay, well within a tool's timeout. */
    public static final long WAIT_MS = 2_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SIGNATURE = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})");
    private static final Duration REPLAY_WINDOW = Duration.ofMinutes(5);

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Optional<String> secret;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    /** Checks signatures with {@code secret}; without one, it expects none. */
    public FakeBusinessServer(Optional<String> secret) throws IOException {
        this.secret = secret;
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public void forget() {
        received.clear();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                threads.execute(() -> serve(socket));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            String head = head(in);
            String[] lines = head.split("\r\n");
            String path = lines[0].split(" ")[1];
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
            byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
            List<String> problems = problems(headers, body);
            received.add(new Received(path, headers, body, problems));
            OutputStream out = socket.getOutputStream();
            if (!problems.isEmpty()) {
                answer(out, problems.get(0).startsWith("signature") ? 401 : 400, "text/plain", String.join("; ", problems));
                return;
            }
            switch (path) {
                case "/ok" -> answer(out, 200, "application/json", "{\"status\":\"shipped\",\"order_number\":"
                        + JSON.readTree(body).path("arguments").path("order_number") + "}");
                case "/text" -> answer(out, 200, "text/plain; charset=utf-8", "We are open until 10 pm. Tschüss!");
                case "/empty" -> answer(out, 204, null, "");
                case "/slow" -> {
                    Thread.sleep(5000);
                    answer(out, 200, "application/json", "{\"late\":true}");
                }
                case "/wait" -> {
                    Thread.sleep(WAIT_MS);
                    answer(out, 200, "application/json", "{\"status\":\"found after a wait\"}");
                }
                case "/fail" -> answer(out, 500, "text/plain", FAIL_BODY);
                case "/huge" -> answer(out, 200, "text/plain", "x".repeat(HUGE_BYTES));
                case "/reset" -> socket.setSoLinger(true, 0); // closing now sends RST instead of FIN
                default -> answer(out, 404, "text/plain", "no such tool");
            }
        } catch (IOException | RuntimeException e) {
            // the client went away, or a test asked for a broken exchange
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the docs tell a business to check before acting on a request. */
    private List<String> problems(Map<String, String> headers, byte[] body) {
        List<String> problems = new ArrayList<>();
        String signature = headers.get("x-voice-bot-signature");
        if (secret.isEmpty()) {
            if (signature != null) {
                problems.add("signature sent although no secret is configured");
            }
        } else if (signature == null) {
            problems.add("signature missing");
        } else {
            Matcher parts = SIGNATURE.matcher(signature);
            if (!parts.matches()) {
                problems.add("signature malformed: " + signature);
            } else {
                long t = Long.parseLong(parts.group(1));
                byte[] expected = hmac(secret.get(), (t + ".").getBytes(StandardCharsets.UTF_8), body);
                if (!MessageDigest.isEqual(expected, HexFormat.of().parseHex(parts.group(2)))) {
                    problems.add("signature does not match");
                }
                if (Math.abs(Instant.now().getEpochSecond() - t) > REPLAY_WINDOW.toSeconds()) {
                    problems.add("signature too old");
                }
            }
        }
        if (!headers.getOrDefault("content-type", "").equals("application/json")) {
            problems.add("content type " + headers.get("content-type"));
        }
        try {
            JsonNode json = JSON.readTree(body);
            List<String> fields = new ArrayList<>();
            json.fieldNames().forEachRemaining(fields::add);
            List<String> callFields = new ArrayList<>();
            json.path("call").fieldNames().forEachRemaining(callFields::add);
            if (!fields.equals(List.of("tool", "arguments", "call")) || !json.get("tool").isTextual()
                    || !json.get("arguments").isObject() || !callFields.equals(List.of("callSid", "from", "to"))) {
                problems.add("body has the wrong shape: " + json);
            }
        } catch (IOException e) {
            problems.add("body is not JSON");
        }
        return problems;
    }

    private static byte[] hmac(String secret, byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(prefix);
            return mac.doFinal(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        for (int b; matched < 4 && (b = in.read()) >= 0; ) {
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1).strip();
    }

    private static void answer(OutputStream out, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(status == 200 ? " OK" : " Status")
                .append("\r\nConnection: close\r\n");
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        if (status != 204) {
            head.append("Content-Length: ").append(bytes.length).append("\r\n");
        }
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
