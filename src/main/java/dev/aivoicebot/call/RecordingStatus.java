package dev.aivoicebot.call;

/**
 * What Twilio's signed recording-status callback said about a call's recording, already checked and cleaned:
 * {@code recordingSid} an RE…, {@code status} Twilio's {@code RecordingStatus} ({@code in-progress},
 * {@code completed}, {@code absent}, …), {@code durationSeconds} and {@code errorCode} empty when not given.
 */
public record RecordingStatus(String recordingSid, String status, String durationSeconds, String errorCode) {

    /** "recording RE… completed, 42 s" — one line for the transcript or the log. */
    public String describe() {
        return "recording " + recordingSid + " " + status + (durationSeconds.isEmpty() ? "" : ", " + durationSeconds + " s")
                + (errorCode.isEmpty() ? "" : " (Twilio error " + errorCode + ")");
    }
}
