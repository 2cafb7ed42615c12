package dev.aivoicebot.archive;

import dev.aivoicebot.safety.CallSid;
import dev.aivoicebot.safety.SafeText;
import dev.aivoicebot.transcript.CallDetails;
import dev.aivoicebot.transcript.CallDetailsFile;
import dev.aivoicebot.transcript.CallFileName;
import dev.aivoicebot.transcript.CallRecord;
import dev.aivoicebot.transcript.NumberedLine;
import dev.aivoicebot.transcript.TranscriptFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The calls in {@code LOG_DIR}, read from their files on every request: the file names give start time and
 * CallSid (so the time window and the page position cost no read), the details sidecar the rest, and the
 * transcript is read only for a text search or a call without details. Fine for the thousands of calls a
 * directory holds; a database answers the same questions at scale.
 */
public final class FileCallArchive implements CallArchive {

    private static final Logger LOG = Logger.getLogger(FileCallArchive.class);
    private static final Comparator<CallFileName> NEWEST_FIRST = Comparator
            .comparing((CallFileName name) -> cursor(name), PageCursor.NEWEST_FIRST);

    private final Path dir;
    private final LiveCalls live;

    public FileCallArchive(Path dir, LiveCalls live) {
        this.dir = dir;
        this.live = live;
    }

    @Override
    public CallPage list(CallQuery query) throws IOException {
        List<CallFileName> names = new ArrayList<>(TranscriptFile.list(dir));
        names.sort(NEWEST_FIRST);
        List<CallSummary> page = new ArrayList<>();
        for (CallFileName name : names) {
            if (!query.inWindow(name.startedAt()) || query.after() != null && !query.after().isBefore(cursor(name))) {
                continue;
            }
            Optional<CallSummary> match = match(name, query);
            if (match.isPresent()) {
                if (page.size() == query.limit()) { // one more than the page holds: there is a next page
                    CallSummary last = page.get(page.size() - 1);
                    return new CallPage(page, new PageCursor(last.startedAt(), last.callSid()).encode());
                }
                page.add(match.get());
            }
        }
        return new CallPage(page, null);
    }

    @Override
    public Optional<CallView> get(CallSid callSid) throws IOException {
        Optional<CallFileName> name = TranscriptFile.list(dir).stream().filter(n -> n.callSid().equals(callSid))
                .max(Comparator.comparing(CallFileName::startedAt));
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Optional<CallRecord> record = TranscriptFile.read(dir, name.get());
        return record.map(r -> CallView.of(callSid.value(), r.name().startedAt(), r.details(), StartLine.of(r.lines()),
                live.inProgress(callSid.value()), r.lines().stream().map(CallLine::of).toList()));
    }

    private Optional<CallSummary> match(CallFileName name, CallQuery query) throws IOException {
        CallDetails details = details(name);
        if (query.endReason() != null && (details == null || !query.endReason().equals(details.endReason()))) {
            return Optional.empty();
        }
        List<NumberedLine> lines = details == null || query.text() != null
                ? TranscriptFile.readFrom(name.transcript(dir), 0, 0).lines() : List.of();
        CallSummary call = CallSummary.of(name.callSid().value(), name.startedAt(), details, StartLine.of(lines),
                live.inProgress(name.callSid().value()));
        boolean matches = (query.from() == null || query.from().equals(call.from()))
                && (query.to() == null || query.to().equals(call.to()))
                && (query.text() == null || contains(lines, query.text()));
        return matches ? Optional.of(call) : Optional.empty();
    }

    /** The details, or null while there are none; a sidecar that cannot be read is logged and treated as absent. */
    private CallDetails details(CallFileName name) {
        try {
            return CallDetailsFile.read(name.details(dir)).orElse(null);
        } catch (IOException e) {
            LOG.warnf("Unreadable call details %s: %s", name.base() + CallFileName.DETAILS, SafeText.of(e.getMessage()));
            return null;
        }
    }

    private static boolean contains(List<NumberedLine> lines, String text) {
        String needle = text.toLowerCase(Locale.ROOT);
        return lines.stream().anyMatch(l -> l.line().text().toLowerCase(Locale.ROOT).contains(needle));
    }

    private static PageCursor cursor(CallFileName name) {
        return new PageCursor(name.startedAt(), name.callSid().value());
    }
}
