package dev.aivoicebot.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * Reads {@code emulator.tool-calls}; a value it cannot read stops the application at startup, with the position.
 * <pre>
 * rules   = rule { ";" rule }
 * rule    = trigger "->" call { "," call }        (a rule with an MCP call makes only that call)
 * trigger = "dtmf:" key                             (0-9, *, #, A-D)
 *         | "turn:" n                               (the caller's nth committed utterance, from 1)
 * call    = [ "!" ] name "(" [ json-object ] ")"                              a function
 *         | "mcp:" server_label "/" name "(" [ json-object ] ")" [ "=" json-string ]   an MCP tool and its result
 * </pre>
 */
public final class ToolCallRulesParser implements Converter<ToolCallRules> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern KEY = Pattern.compile("[0-9A-Da-d*#]");
    private static final Pattern TURN = Pattern.compile("[1-9][0-9]{0,5}");
    private static final int MAX_NAME = 64;

    private String text;
    private int pos;

    @Override
    public ToolCallRules convert(String value) {
        return parse(value);
    }

    static ToolCallRules parse(String value) {
        ToolCallRulesParser parser = new ToolCallRulesParser();
        parser.text = value;
        return parser.rules();
    }

    private ToolCallRules rules() {
        Map<Trigger, List<ScriptedCall>> rules = new LinkedHashMap<>();
        do {
            if (atEnd()) {
                break; // a trailing ";"
            }
            int start = skipSpace();
            Trigger trigger = trigger();
            expect("->");
            List<ScriptedCall> calls = new ArrayList<>();
            do {
                calls.add(call());
            } while (accept(','));
            if (calls.size() > 1 && calls.stream().anyMatch(ScriptedCall::mcp)) {
                throw error(start, "a rule with an MCP call makes only that call");
            }
            if (rules.putIfAbsent(trigger, List.copyOf(calls)) != null) {
                throw error(start, "a second rule for " + trigger);
            }
        } while (accept(';'));
        if (!atEnd()) {
            throw error(pos, "expected ';' or the end");
        }
        return new ToolCallRules(rules);
    }

    private Trigger trigger() {
        int start = skipSpace();
        String word = word(":*#");
        if (word.startsWith("dtmf:") && KEY.matcher(word.substring(5)).matches()) {
            return Trigger.dtmf(word.substring(5));
        }
        if (word.startsWith("turn:") && TURN.matcher(word.substring(5)).matches()) {
            return Trigger.turn(Integer.parseInt(word.substring(5)));
        }
        throw error(start, "expected a trigger, dtmf:<key> or turn:<n>");
    }

    private ScriptedCall call() {
        int start = skipSpace();
        boolean forced = accept('!');
        String serverLabel = null;
        if (!forced && text.startsWith("mcp:", pos)) {
            pos += 4;
            serverLabel = name("an MCP server_label");
            expect("/");
        }
        String name = name(serverLabel == null ? "a function name" : "an MCP tool name");
        expect("(");
        String arguments = "{}";
        if (!accept(')')) {
            arguments = json(jsonExtent('{', '}'), "the arguments, a JSON object", JsonNode::isObject).toString();
            expect(")");
        }
        String result = null;
        if (serverLabel != null) {
            result = accept('=') ? json(jsonStringExtent(), "the result, a JSON string", JsonNode::isTextual).asText()
                    : "ok";
        }
        if (name.length() > MAX_NAME) {
            throw error(start, "a name is at most " + MAX_NAME + " characters");
        }
        return new ScriptedCall(serverLabel, name, arguments, forced, result);
    }

    private String name(String what) {
        int start = skipSpace();
        String name = word("");
        if (name.isEmpty()) {
            throw error(start, "expected " + what);
        }
        return name;
    }

    /** Letters, digits, '_', '-' and the {@code extra} characters, as far as they go. */
    private String word(String extra) {
        int start = pos;
        while (pos < text.length() && isWordChar(text.charAt(pos), extra)) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private static boolean isWordChar(char c, String extra) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-'
                || extra.indexOf(c) >= 0;
    }

    /** The JSON value between {@code start} and the cursor, checked by {@code expected}. */
    private JsonNode json(int start, String what, Predicate<JsonNode> expected) {
        try {
            JsonNode value = JSON.readTree(text.substring(start, pos));
            if (value == null || !expected.test(value)) {
                throw error(start, "expected " + what);
            }
            return value;
        } catch (JsonProcessingException e) {
            throw error(start, "expected " + what + ": " + e.getOriginalMessage());
        }
    }

    /** Moves past one bracketed JSON value (strings and nesting respected); returns where it started. */
    private int jsonExtent(char open, char close) {
        int start = skipSpace();
        if (!accept(open)) {
            throw error(start, "expected '" + open + "'");
        }
        int depth = 1;
        while (depth > 0) {
            if (pos >= text.length()) {
                throw error(start, "unbalanced '" + open + "'");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                jsonStringExtent();
                continue;
            }
            depth += c == open ? 1 : c == close ? -1 : 0;
            pos++;
        }
        return start;
    }

    private int jsonStringExtent() {
        int start = skipSpace();
        if (!accept('"')) {
            throw error(start, "expected '\"'");
        }
        while (pos < text.length() && text.charAt(pos) != '"') {
            pos += text.charAt(pos) == '\\' ? 2 : 1;
        }
        if (pos >= text.length()) {
            throw error(start, "unterminated string");
        }
        pos++;
        return start;
    }

    private int skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        return pos;
    }

    private boolean atEnd() {
        return skipSpace() == text.length();
    }

    private boolean accept(char c) {
        if (skipSpace() < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!text.startsWith(token, skipSpace())) {
            throw error(pos, "expected '" + token + "'");
        }
        pos += token.length();
    }

    private IllegalArgumentException error(int at, String problem) {
        return new IllegalArgumentException("emulator.tool-calls (EMULATOR_TOOL_CALLS) at character " + (at + 1)
                + ": " + problem + " in \"" + text + "\"");
    }
}
