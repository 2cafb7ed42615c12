package dev.aivoicebot.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aivoicebot.safety.CallSid;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallFileNameTest {

    private static final String SID = "CA0123456789abcdef0123456789abcdef";

    @Test
    void aNameIsStartTimeAndCallSidAndReadsBack() {
        CallFileName name = new CallFileName(Instant.parse("2026-11-24T10:15:30.123Z"), new CallSid(SID));
        assertEquals("2026-11-24T10-15-30.123Z_" + SID, name.base());
        assertEquals(Path.of("logs", name.base() + ".txt"), name.transcript(Path.of("logs")));
        assertEquals(Path.of("logs", name.base() + ".json"), name.details(Path.of("logs")));
        assertEquals(Optional.of(name), CallFileName.of(name.transcript(Path.of("logs"))));
        assertEquals(Optional.of(name), CallFileName.of(name.details(Path.of("/var/x"))));
    }

    @Test
    void otherFilesHaveNoCallName() {
        for (String other : new String[] {"notes.txt", "2026-11-24T10-15-30.123Z_" + SID + ".json.tmp",
                "2026-11-24T10-15-30.123Z_" + SID + ".log", "2026-11-24T10-15-30.123Z_CAnothex.txt",
                "2026-11-24T10-15-30Z_" + SID + ".txt", "garbage_" + SID + ".txt", "_" + SID + ".txt",
                "2026-11-24T10-15-30.123Z" + SID + ".txt"}) {
            assertEquals(Optional.empty(), CallFileName.of(Path.of(other)), other);
        }
    }
}
