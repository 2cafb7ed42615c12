package dev.aivoicebot.admin;

import dev.aivoicebot.safety.CallSid;
import dev.aivoicebot.transcript.CallDetails;
import dev.aivoicebot.transcript.CallDetailsFile;
import dev.aivoicebot.transcript.CallFileName;
import dev.aivoicebot.transcript.CallDetails.Usage;
import dev.aivoicebot.transcript.Speaker;
import dev.aivoicebot.transcript.TranscriptLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A call as a test puts it on record: its lines and, for an ended call, its details (null: it never ended, as
 * after a crash). Built like the service writes calls: a start line naming the parties, an end line.
 */
record StoredCall(CallSid callSid, Instant startedAt, List<TranscriptLine> lines, CallDetails details) {

    /** Writes the call's files into {@code dir} as the service writes them: the transcript, then the details. */
    void writeTo(Path dir) throws IOException {
        CallFileName name = new CallFileName(startedAt, callSid);
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line.format()));
        Files.writeString(name.transcript(dir), text);
        if (details != null) {
            CallDetailsFile.write(name.details(dir), details);
        }
    }

    static Builder startingAt(Instant startedAt) {
        return new Builder(startedAt);
    }

    static CallSid randomSid() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return new CallSid("CA" + HexFormat.of().formatHex(bytes));
    }

    static final class Builder {
        private final Instant startedAt;
        private final CallSid callSid = randomSid();
        private final List<TranscriptLine> lines = new ArrayList<>();
        private String from = "+15550100";
        private String to = "+15550199";
        private Instant at;
        private String summary;
        private Usage usage;
        private Double cost;

        private Builder(Instant startedAt) {
            this.startedAt = startedAt;
            this.at = startedAt;
        }

        Builder parties(String from, String to) {
            this.from = from;
            this.to = to;
            return this;
        }

        Builder line(Speaker speaker, boolean interrupted, String text) {
            at = at.plusMillis(1500);
            lines.add(new TranscriptLine(at, speaker, interrupted, text));
            return this;
        }

        Builder says(String text) {
            return line(Speaker.CUSTOMER, false, text);
        }

        Builder answers(String text) {
            return line(Speaker.ASSISTANT, false, text);
        }

        Builder system(String text) {
            return line(Speaker.SYSTEM, false, text);
        }

        Builder cost(String summary, Usage usage, double costUsd) {
            this.summary = summary;
            this.usage = usage;
            this.cost = costUsd;
            return this;
        }

        /** A call whose process died: no end line, no details. */
        StoredCall unfinished() {
            return new StoredCall(callSid, startedAt, withStart(), null);
        }

        StoredCall ended(String endReason, String endReasonText) {
            Instant endedAt = at.plusMillis(1000);
            List<TranscriptLine> all = withStart();
            all.add(new TranscriptLine(endedAt, Speaker.SYSTEM, false, "call ended: " + endReasonText + " after "
                    + Duration.between(startedAt, endedAt).toMillis() / 1000.0 + " s"));
            return new StoredCall(callSid, startedAt, all, new CallDetails(callSid.value(), CallDetails.INBOUND, from,
                    to, null, startedAt, endedAt, Duration.between(startedAt, endedAt).toMillis(), endReason,
                    endReasonText, null, null, summary, null, usage, cost));
        }

        private List<TranscriptLine> withStart() {
            List<TranscriptLine> all = new ArrayList<>();
            all.add(new TranscriptLine(startedAt, Speaker.SYSTEM, false, "call started from " + from + " to " + to));
            all.addAll(lines);
            return all;
        }
    }
}
