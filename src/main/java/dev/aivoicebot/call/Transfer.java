package dev.aivoicebot.call;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivoicebot.openai.FunctionCall;
import dev.aivoicebot.openai.ItemCreate;
import dev.aivoicebot.safety.CallSid;
import dev.aivoicebot.safety.SafeText;
import dev.aivoicebot.tools.ToolOutcome;
import dev.aivoicebot.tools.ToolResult;
import dev.aivoicebot.transcript.TranscriptWriter;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/**
 * One call's transfer to a person ({@code transfer_call}). The model names a configured target; a name that is
 * not configured is refused with the valid names, and nothing is dialed. For a known one the model is told to say
 * it is connecting the caller; once that answer has been generated and has played (or after a grace period), the
 * call is updated to dial the target, and the call ends as transferred. A failed update is told to the model and
 * the call goes on.
 *
 * <p>Its life: IDLE → ANNOUNCING (output sent, the answer asked for) → SPEAKING (that answer is being generated)
 * → SPOKEN → DIALING (the update is on its way) → back to IDLE if it failed. Used under the call's monitor.
 */
final class Transfer {

    static final String TOOL = "transfer_call";
    /** The longest the announcement may take to be generated and played before the dial goes out anyway. */
    static final long ANNOUNCE_GRACE_MS = 10_000;
    /** The whisper's parts are capped so it stays one sentence the person answering can take in. */
    private static final int MAX_PART = 160;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Twilio shows a caller ID only if it is a number of the account: the call's own {@code To}, when it is one. */
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    private enum Phase { IDLE, ANNOUNCING, SPEAKING, SPOKEN, DIALING }

    private final CallSid callSid;
    private final String callerId;
    /** The targets this call's profile may use, in the order its tool lists them. */
    private final List<String> targets;
    private final CallEnvironment env;
    private final ToolCalls tools;
    private final TranscriptWriter transcript;
    private final Runnable dialDue;
    private Phase phase = Phase.IDLE;
    private String target;
    private String reason;
    private long graceTimer = -1;

    Transfer(CallSid callSid, String callerId, List<String> targets, CallEnvironment env, ToolCalls tools,
            TranscriptWriter transcript, Runnable dialDue) {
        this.callSid = callSid;
        this.targets = targets;
        this.callerId = callerId != null && E164.matcher(callerId).matches() ? callerId : "";
        this.env = env;
        this.tools = tools;
        this.transcript = transcript;
        this.dialDue = dialDue;
    }

    /**
     * Whether {@code call} is this call's transfer tool (offered only when its profile has targets and call control
     * exists).
     */
    boolean handles(FunctionCall call) {
        return TOOL.equals(call.name()) && !targets.isEmpty();
    }

    /** A transfer has been asked for and not failed: the call is on its way to a person. */
    boolean underway() {
        return phase != Phase.IDLE;
    }

    boolean dialing() {
        return phase == Phase.DIALING;
    }

    String target() {
        return target;
    }

    /** The model called {@code transfer_call}: refused with the valid names, or announced. */
    void requested(FunctionCall call) {
        if (underway()) {
            tools.answer(call, result(ToolOutcome.ERROR, "A transfer to " + target + " is already under way."));
            return;
        }
        JsonNode arguments = parse(call.arguments());
        String name = arguments.path("target").asText("");
        if (!targets.contains(name)) {
            env.transferMetrics.count(name, TransferOutcome.UNKNOWN_TARGET);
            transcript.system("transfer refused: no target named " + SafeText.of(name));
            tools.answer(call, result(ToolOutcome.INVALID_ARGUMENTS, "There is no transfer target named \""
                    + SafeText.of(name) + "\". The valid targets are: " + String.join(", ", targets)
                    + ". Nothing was dialed."));
            return;
        }
        target = name;
        reason = SafeText.of(arguments.path("reason").asText(""));
        phase = Phase.ANNOUNCING;
        transcript.system("transfer to " + target + " requested" + (reason.isEmpty() ? "" : ": " + reason));
        tools.answer(call, result(ToolOutcome.OK, "Transferring to " + target + " now. Tell the caller in one short "
                + "sentence that you are connecting them; the call is handed over once you have said it."));
        graceTimer = env.vertx.setTimer(ANNOUNCE_GRACE_MS, id -> dialDue.run());
    }

    void responseCreated() {
        if (phase == Phase.ANNOUNCING) {
            phase = Phase.SPEAKING;
        }
    }

    void responseDone() {
        if (phase == Phase.SPEAKING) {
            phase = Phase.SPOKEN;
        }
    }

    /** The announcement has been generated and {@code allPlayed}: time to dial. */
    boolean readyToDial(boolean allPlayed) {
        return phase == Phase.SPOKEN && allPlayed;
    }

    /**
     * Dials the target (once; later calls return empty): the whisper and the conversation so far are kept for
     * the carrier's callbacks, then the call is updated.
     */
    Optional<CompletionStage<CallControl.Outcome>> dial(String lastCallerWords, List<ItemCreate> history) {
        if (phase == Phase.IDLE || phase == Phase.DIALING) {
            return Optional.empty();
        }
        cancelGrace();
        phase = Phase.DIALING;
        env.transfers.dialing(callSid, target, whisper(lastCallerWords), history);
        return Optional.of(env.control.transfer(callSid, env.transferTargets.address(target).orElseThrow(), callerId,
                env.transferTargets.dialTimeout()));
    }

    /** The update of the call answered: counted; a failure is written down and told to the model. */
    void dialed(CallControl.Outcome outcome, boolean live) {
        env.transferMetrics.count(target, outcome.isFailed() ? TransferOutcome.DIAL_FAILED : TransferOutcome.DIALED);
        if (!outcome.isFailed()) {
            transcript.system("transferred to " + target);
            return;
        }
        transcript.system("transfer to " + target + " failed: " + outcome.failure());
        phase = Phase.IDLE;
        if (live) {
            tools.tell(ItemCreate.user("(Notice from the phone system, not the caller: the transfer to " + target
                    + " failed, so the caller is still with you. Tell them you could not connect them, and offer "
                    + "to help or to take a message for a call-back.)"));
        }
    }

    /** The update answered after the call had ended (its stream closed meanwhile): counted only. */
    void dialedAfterEnd(CallControl.Outcome outcome) {
        env.transferMetrics.count(target, outcome.isFailed() ? TransferOutcome.DIAL_FAILED : TransferOutcome.DIALED);
    }

    void close() {
        cancelGrace();
    }

    /** "Transferred call for sales. Reason: …. The caller last said: "…"." */
    private String whisper(String lastCallerWords) {
        StringBuilder text = new StringBuilder("Transferred call for ").append(target).append('.');
        if (!reason.isEmpty()) {
            text.append(" Reason: ").append(cap(reason)).append('.');
        }
        String words = cap(SafeText.of(lastCallerWords));
        if (!words.isEmpty()) {
            text.append(" The caller last said: ").append(words);
        }
        return text.toString();
    }

    private static String cap(String text) {
        String stripped = text.strip();
        return stripped.length() <= MAX_PART ? stripped : stripped.substring(0, MAX_PART - 1).strip() + "…";
    }

    private void cancelGrace() {
        if (graceTimer >= 0) {
            env.vertx.cancelTimer(graceTimer);
            graceTimer = -1;
        }
    }

    private static ToolResult result(ToolOutcome outcome, String output) {
        return new ToolResult(TOOL, outcome, output, 0);
    }

    private static JsonNode parse(String arguments) {
        try {
            JsonNode node = arguments == null ? null : JSON.readTree(arguments);
            return node == null ? JSON.missingNode() : node;
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }
}
