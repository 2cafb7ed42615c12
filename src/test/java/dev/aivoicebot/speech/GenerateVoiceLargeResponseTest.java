package dev.aivoicebot.speech;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.URL;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A long recitation passes through without being held in memory. The caller pauses mid-stream: with
 * real streaming, back-pressure reaches OpenAI's side and our heap holds no more than a buffer or two;
 * a relay that buffered would hold most of the 32 MiB at that moment.
 */
@QuarkusTest
// A longer read timeout than the other speech tests: this one pauses reading on purpose and forces GCs, and on a
// loaded 2-core machine those pauses have outlasted 3 s, which ended the stream (a timeout, not a streaming fault).
@WithTestResource(value = FakeSpeechServerResource.class,
        initArgs = @ResourceArg(name = "speech.upstream.read-timeout", value = "20s"))
class GenerateVoiceLargeResponseTest {

    private static final int CHUNK = 64 * 1024;
    // 32 MiB: comfortably more than the kernel's socket buffers along the way can absorb while paused.
    private static final int CHUNKS = 512;
    private static final long TOTAL = (long) CHUNK * CHUNKS;
    private static final long HEAP_BOUND = TOTAL / 4;

    @InjectFakeSpeechServer
    FakeSpeechServer fake;

    @TestHTTPResource("/generate-voice")
    URL endpoint;

    @Test
    void streamsThirtyTwoMebibytesWithoutHoldingThem() throws Exception {
        fake.reset(FakeSpeechScript.audio(CHUNKS, CHUNK, Duration.ZERO));
        long baseline = usedHeapAfterGc();

        HttpURLConnection connection = GenerateVoiceStreamingTest.post(endpoint, "{\"text\":\"Read me the phone book\"}");
        assertEquals(200, connection.getResponseCode());
        try (InputStream audio = connection.getInputStream()) {
            byte[] first = audio.readNBytes(CHUNK);
            long sentWhilePaused = awaitUpstreamStall();
            long heapWhilePaused = usedHeapAfterGc() - baseline;
            assertTrue(sentWhilePaused < TOTAL, "OpenAI's side was never slowed down: " + sentWhilePaused);
            assertTrue(heapWhilePaused < HEAP_BOUND, "heap grew by " + heapWhilePaused + " bytes mid-stream");

            assertArrayEquals(FakeSpeechScript.audioBytes(0, CHUNK), first);
            assertEquals(TOTAL, CHUNK + readAndCheck(audio, CHUNK));
        }
        long heapAfter = usedHeapAfterGc() - baseline;
        assertTrue(heapAfter < HEAP_BOUND, "heap grew by " + heapAfter + " bytes");
    }

    /** Reads to the end, checking every byte against the fake's pattern; returns the count. */
    private static long readAndCheck(InputStream audio, long offset) throws Exception {
        byte[] buffer = new byte[CHUNK];
        long position = offset;
        for (int n; (n = audio.read(buffer)) != -1; position += n) {
            assertArrayEquals(FakeSpeechScript.audioBytes(position, n), Arrays.copyOf(buffer, n), "at byte " + position);
        }
        return position - offset;
    }

    /** Waits until the fake has stopped getting its audio out (well inside the upstream read timeout). */
    private long awaitUpstreamStall() throws InterruptedException {
        long last = -1;
        long stableSince = System.nanoTime();
        long deadline = System.nanoTime() + Duration.ofMillis(1500).toNanos();
        while (System.nanoTime() < deadline) {
            long written = fake.audioBytesWritten();
            if (written != last) {
                last = written;
                stableSince = System.nanoTime();
            } else if (System.nanoTime() - stableSince > Duration.ofMillis(250).toNanos()) {
                break;
            }
            Thread.sleep(25);
        }
        return last;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 2; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
