package dev.aivoicebot.emulator;

import dev.aivoicebot.emulator.Conversation.PendingInput;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * What a response says or does, from what it answers. Tool results that arrived are reported ("The tool said: …",
 * an approved MCP call first made); else input that triggers a rule makes the rule's calls; else the caller's
 * utterance is played back, or the instructions "said" as a tone as long as their text deserves.
 */
final class ReplyPlanner {

    private static final Logger LOG = Logger.getLogger(ReplyPlanner.class);

    private final SessionConnection session;
    private final Conversation conversation;
    private final SessionSettings settings;
    private final ToolCalls calls;
    private final ToolCallRules rules;
    private final ReplyScript script;
    private final EmulatorConfig config;
    private final ResponseObjects objects;

    ReplyPlanner(SessionConnection session, Conversation conversation, SessionSettings settings, ToolCalls calls,
            ToolCallRules rules, ReplyScript script, EmulatorConfig config, ResponseObjects objects) {
        this.session = session;
        this.conversation = conversation;
        this.settings = settings;
        this.calls = calls;
        this.rules = rules;
        this.script = script;
        this.config = config;
        this.objects = objects;
    }

    /** The output items of the next response; {@code instructions} are its own, or null. */
    List<OutputItem> plan(String instructions) {
        PendingInput input = conversation.takePending();
        ToolCalls.Answers answers = calls.takeAnswers();
        if (!answers.none()) {
            return report(answers);
        }
        List<ScriptedCall> scripted = callable(input.trigger());
        if (!scripted.isEmpty()) {
            return call(scripted);
        }
        if (input.audio() != null) {
            return List.of(message(input.audio(), script.echoTranscript(input.audio())));
        }
        return List.of(said(script.greetingTranscript(firstNonBlank(instructions, input.text(),
                settings.instructions()))));
    }

    private List<OutputItem> report(ToolCalls.Answers answers) {
        List<OutputItem> items = new ArrayList<>();
        List<String> results = new ArrayList<>(answers.outputs());
        for (ToolCalls.Approved approved : answers.approved()) {
            items.add(new McpCallItem(session, conversation, objects, approved.call(), approved.approvalRequestId()));
            results.add(approved.call().mcpResult());
        }
        items.add(said(script.toolReplyTranscript(results, answers.declined())));
        return items;
    }

    /** The rule's calls: functions all in one response; an MCP call made at once, or its approval asked first. */
    private List<OutputItem> call(List<ScriptedCall> scripted) {
        ScriptedCall first = scripted.get(0);
        if (first.mcp()) {
            if (SessionTools.needsApproval(settings.tools().mcpServer(first.serverLabel()), first.name())) {
                return List.of(new McpApprovalRequestItem(session, conversation, calls, objects, first));
            }
            return List.of(new McpCallItem(session, conversation, objects, first, null),
                    said(script.toolReplyTranscript(List.of(first.mcpResult()), 0)));
        }
        return scripted.stream()
                .<OutputItem>map(call -> new FunctionCallItem(session, conversation, calls, objects, call)).toList();
    }

    /** The calls of the rule this trigger fires that the session allows. */
    private List<ScriptedCall> callable(Trigger trigger) {
        SessionTools tools = settings.tools();
        List<ScriptedCall> callable = new ArrayList<>();
        for (ScriptedCall call : rules.calls(trigger)) {
            if (tools.callsAllowed() && tools.declares(call)) {
                callable.add(call);
            } else {
                LOG.infof("Emulator session %s: %s -> %s not made (%s)", session.id(), trigger, call,
                        tools.callsAllowed() ? "the session does not declare it" : "tool_choice is none");
            }
        }
        return callable;
    }

    /** A tone as long as the text deserves stands for saying it. */
    private AudioMessage said(String transcript) {
        long millis = config.toneMsPerCharacter().toMillis() * transcript.length();
        millis = Math.max(config.toneMin().toMillis(), Math.min(config.toneMax().toMillis(), millis));
        return message(ToneGenerator.tone(millis), transcript);
    }

    private AudioMessage message(byte[] audio, String transcript) {
        int deltaBytes = (int) config.deltaAudio().toMillis() * MuLaw.BYTES_PER_MS;
        return new AudioMessage(session, conversation, objects, deltaBytes, audio, transcript);
    }

    private static String firstNonBlank(String... texts) {
        for (String text : texts) {
            if (text != null && !text.isBlank()) {
                return text;
            }
        }
        return "Hello.";
    }
}
