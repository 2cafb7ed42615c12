package dev.aivoicebot.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompareTableTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwoAndSkipsMissingValues() {
        assertEquals(2.5, CompareTable.median(new double[] { 4, 1, Double.NaN, 2, 3 }));
        assertEquals(Double.NaN, CompareTable.median(new double[] { Double.NaN }));
    }

    @Test
    void ratioIsServiceOverSampleAndSaysSoWhenItCannotBeTaken() {
        assertEquals("0.50", CompareTable.ratio(1, 2));
        assertEquals("=", CompareTable.ratio(0, 0));
        assertEquals("—", CompareTable.ratio(3, 0));
        assertEquals("—", CompareTable.ratio(Double.NaN, 2));
    }

    @Test
    void aRowSumsItsFieldsPerRunAndAMissingFieldIsNotAZero() throws Exception {
        List<JsonNode> runs = List.of(JSON.readTree("{\"fwd_frames_lost\":2,\"ret_frames_lost\":3}"),
                JSON.readTree("{\"fwd_frames_lost\":1}"));
        double[] lost = CompareTable.values(runs, new CompareTable.Row("lost", "fwd_frames_lost", "ret_frames_lost"));
        assertEquals(5, lost[0]);
        assertEquals(Double.NaN, lost[1]);
    }

    @Test
    void theTableHasOneColumnPerRoundTheMediansAndTheRatio() throws Exception {
        List<JsonNode> service = List.of(JSON.readTree("{\"cpu_s_per_call_minute\":0.1}"),
                JSON.readTree("{\"cpu_s_per_call_minute\":0.3}"));
        List<JsonNode> sample = List.of(JSON.readTree("{\"cpu_s_per_call_minute\":0.4}"),
                JSON.readTree("{\"cpu_s_per_call_minute\":0.4}"));
        String line = CompareTable.table(service, sample).lines()
                .filter(l -> l.startsWith("| CPU-s per call-minute, steady")).findFirst().orElseThrow();
        assertEquals("| CPU-s per call-minute, steady window | 0.100 | 0.300 | **0.200** | 0.400 | 0.400 | **0.400** | 0.50 |",
                line);
    }
}
