package dev.aivoicebot.twilio;

import dev.aivoicebot.twilio.RawStream.Closed;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A Media Stream client written straight onto a TCP socket, for what a WebSocket library never sends: reserved
 * bits, unmasked, oversized or compressed frames, a ping flood; and for a peer that stops reading. It reports
 * exactly what came back: the upgrade response, then a close frame or a bare disconnect.
 */
final class RawSocket implements AutoCloseable {

    static final int TEXT = 0x1;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int FIN = 0x80;
    static final int RSV1 = 0x40;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final SecureRandom random = new SecureRandom();
    private int status;
    private long received;
    private final Map<String, String> headers = new HashMap<>();

    private RawSocket(URI base, int receiveBufferBytes, String... extraHeaders) throws IOException {
        socket = new Socket();
        if (receiveBufferBytes > 0) {
            socket.setReceiveBufferSize(receiveBufferBytes); // before connect, so the advertised window is small too
        }
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
        socket.setSoTimeout(10_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        byte[] key = new byte[16];
        random.nextBytes(key);
        StringBuilder request = new StringBuilder("GET /voice/stream HTTP/1.1\r\n")
                .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n")
                .append("Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n")
                .append("Sec-WebSocket-Key: ").append(Base64.getEncoder().encodeToString(key)).append("\r\n")
                .append("X-Twilio-Signature: ").append(RawStream.TWILIO.sign(RawStream.STREAM_URL, Map.of()))
                .append("\r\n");
        for (String header : extraHeaders) {
            request.append(header).append("\r\n");
        }
        out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
        readResponseHead();
    }

    /** Opens a stream signed as Twilio signs it, with extra upgrade request header lines ("Name: value"). */
    static RawSocket open(URI base, String... extraHeaders) {
        return open(base, 0, extraHeaders);
    }

    /** Like {@link #open(URI, String...)}, with a small receive buffer for a client that will not read. */
    static RawSocket open(URI base, int receiveBufferBytes, String... extraHeaders) {
        try {
            return new RawSocket(base, receiveBufferBytes, extraHeaders);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int status() {
        return status;
    }

    /** A response header by lower-case name, or null. */
    String header(String name) {
        return headers.get(name);
    }

    RawSocket sendText(String text) {
        return sendFrame(FIN | TEXT, text.getBytes(StandardCharsets.UTF_8), true);
    }

    /** One frame exactly as given: first byte (FIN, RSV bits, opcode), payload, masked or not. */
    RawSocket sendFrame(int firstByte, byte[] payload, boolean masked) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.write(firstByte);
        int mask = masked ? 0x80 : 0;
        if (payload.length < 126) {
            frame.write(mask | payload.length);
        } else if (payload.length <= 0xFFFF) {
            frame.write(mask | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length);
        } else {
            frame.write(mask | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) payload.length >>> shift));
            }
        }
        if (masked) {
            byte[] key = new byte[4];
            random.nextBytes(key);
            frame.write(key, 0, 4);
            byte[] masking = payload.clone();
            for (int i = 0; i < masking.length; i++) {
                masking[i] ^= key[i & 3];
            }
            frame.write(masking, 0, masking.length);
        } else {
            frame.write(payload, 0, payload.length);
        }
        try {
            out.write(frame.toByteArray());
            out.flush();
        } catch (IOException e) {
            // The service may already have closed: what it answered is what awaitClose() reports.
        }
        return this;
    }

    /** Payload bytes of the frames {@link #awaitClose} read before the close frame. */
    long receivedBeforeClose() {
        return received;
    }

    /**
     * Reads (and skips) everything the service sends until its close frame; {@code Closed(-1, …)} when the
     * connection ends without one, which a client library reports as 1006.
     */
    Closed awaitClose() {
        try {
            while (true) {
                int first = in.readUnsignedByte();
                int second = in.readUnsignedByte();
                long length = second & 0x7F;
                if (length == 126) {
                    length = in.readUnsignedShort();
                } else if (length == 127) {
                    length = in.readLong();
                }
                if ((second & 0x80) != 0) {
                    in.skipNBytes(4); // a server never masks, but skip a key if one is there
                }
                if ((first & 0x0F) == CLOSE) {
                    byte[] body = in.readNBytes((int) length);
                    int code = body.length >= 2 ? ((body[0] & 0xFF) << 8) | (body[1] & 0xFF) : 1005;
                    String reason = body.length > 2 ? new String(body, 2, body.length - 2, StandardCharsets.UTF_8) : "";
                    return new Closed(code, reason);
                }
                in.skipNBytes(length);
                received += length;
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the service neither closed the stream nor the connection", e);
        } catch (EOFException e) {
            return new Closed(-1, "connection ended without a close frame");
        } catch (IOException e) {
            return new Closed(-1, "connection ended without a close frame: " + e);
        }
    }

    /** Whether the service ends the TCP connection within {@code millis}, skipping whatever it still sends. */
    boolean disconnectedWithin(int millis) {
        try {
            socket.setSoTimeout(millis);
            while (in.read() >= 0) {
                // skip
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing to do
        }
    }

    private void readResponseHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        while (last4 != 0x0D0A0D0A) { // "\r\n\r\n" ends the head
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed during the upgrade");
            }
            head.write(b);
            last4 = (last4 << 8) | b;
        }
        String[] lines = head.toString(StandardCharsets.US_ASCII).split("\r\n");
        status = Integer.parseInt(lines[0].split(" ")[1]);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
                headers.put(name, lines[i].substring(colon + 1).trim());
            }
        }
    }
}
