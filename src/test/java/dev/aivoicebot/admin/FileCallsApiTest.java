package dev.aivoicebot.admin;

import dev.aivoicebot.transcript.CallFileName;
import dev.aivoicebot.transcript.TranscriptFile;
import dev.aivoicebot.transcript.NumberedLine;
import dev.aivoicebot.transcript.TranscriptLine;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The calls API over the files in LOG_DIR, the default backend: calls are put on record as files. */
@QuarkusTest
@TestProfile(ArchiveTestProfile.class)
class FileCallsApiTest extends CallsApiContract {

    private static final Path DIR = ArchiveTestProfile.LOG_DIR;

    @Override
    void record(StoredCall call) throws IOException {
        call.writeTo(DIR);
    }

    @Override
    List<TranscriptLine> transcriptLines(String callSid) throws IOException {
        return transcriptLines(DIR, callSid);
    }

    /** A call's lines as its transcript file in {@code dir} has them: what either backend must show. */
    static List<TranscriptLine> transcriptLines(Path dir, String callSid) throws IOException {
        CallFileName name = TranscriptFile.list(dir).stream().filter(n -> n.callSid().value().equals(callSid))
                .findFirst().orElseThrow(() -> new AssertionError("no transcript for " + callSid));
        return TranscriptFile.readFrom(name.transcript(dir), 0, 0).lines().stream().map(NumberedLine::line).toList();
    }
}
