package dev.aivoicebot.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aivoicebot.emulator.EnergyVad.Kind;
import dev.aivoicebot.emulator.EnergyVad.VadEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnergyVadTest {

    private static final TurnDetection SERVER_VAD = new TurnDetection("server_vad", 300, 500, true, true);

    @Test
    void speechStartsAtTheLoudFrameMinusPrefixPaddingAndStopsAfterTheSilenceDuration() {
        byte[] audio = Audio.create().silence(500).tone(1000).silence(1200).bytes();

        List<VadEvent> events = new EnergyVad(500).accept(audio, SERVER_VAD);

        assertEquals(List.of(new VadEvent(Kind.STARTED, 200), new VadEvent(Kind.STOPPED, 2000)), events);
    }

    @Test
    void timingIsInAudioTimeWhateverTheChunking() {
        byte[] audio = Audio.create().silence(500).tone(1000).silence(1200).bytes();
        EnergyVad vad = new EnergyVad(500);
        List<VadEvent> events = new ArrayList<>();
        for (int from = 0; from < audio.length; from += 37) {
            events.addAll(vad.accept(Arrays.copyOfRange(audio, from, Math.min(audio.length, from + 37)), SERVER_VAD));
        }

        assertEquals(List.of(new VadEvent(Kind.STARTED, 200), new VadEvent(Kind.STOPPED, 2000)), events);
    }

    @Test
    void silenceDurationIsHonoured() {
        TurnDetection patient = new TurnDetection("server_vad", 300, 1000, true, true);
        byte[] audio = Audio.create().silence(500).tone(1000).silence(1200).bytes();

        List<VadEvent> events = new EnergyVad(500).accept(audio, patient);

        assertEquals(List.of(new VadEvent(Kind.STARTED, 200), new VadEvent(Kind.STOPPED, 2500)), events);
    }

    @Test
    void aPauseShorterThanTheSilenceDurationDoesNotEndTheTurn() {
        byte[] audio = Audio.create().silence(100).tone(400).silence(480).tone(400).silence(600).bytes();

        List<VadEvent> events = new EnergyVad(500).accept(audio, SERVER_VAD);

        assertEquals(List.of(new VadEvent(Kind.STARTED, 0), new VadEvent(Kind.STOPPED, 1880)), events);
    }

    @Test
    void theNextTurnCannotStartBeforeThePreviousOneStopped() {
        byte[] audio = Audio.create().tone(200).silence(500).tone(200).silence(500).bytes();

        List<VadEvent> events = new EnergyVad(500).accept(audio, SERVER_VAD);

        assertEquals(List.of(new VadEvent(Kind.STARTED, 0), new VadEvent(Kind.STOPPED, 700),
                new VadEvent(Kind.STARTED, 700), new VadEvent(Kind.STOPPED, 1400)), events);
    }

    @Test
    void withoutTurnDetectionOnlyTheClockMoves() {
        EnergyVad vad = new EnergyVad(500);

        List<VadEvent> events = vad.accept(Audio.create().silence(100).tone(1000).silence(1000).bytes(), null);

        assertEquals(List.of(), events);
        assertEquals(2100, vad.positionMs());
    }

    @Test
    void quietAudioBelowTheThresholdIsSilence() {
        byte[] audio = Audio.create().tone(1000).bytes();

        assertEquals(List.of(), new EnergyVad(10_000).accept(audio, SERVER_VAD));
    }

    @Test
    void resetForgetsSpeechInProgress() {
        EnergyVad vad = new EnergyVad(500);
        vad.accept(Audio.create().silence(100).tone(300).bytes(), SERVER_VAD);
        vad.reset();

        List<VadEvent> events = vad.accept(Audio.create().tone(100).silence(600).bytes(), SERVER_VAD);

        assertEquals(List.of(new VadEvent(Kind.STARTED, 400), new VadEvent(Kind.STOPPED, 1000)), events);
    }
}
