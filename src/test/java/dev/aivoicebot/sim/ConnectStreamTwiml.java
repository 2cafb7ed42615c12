package dev.aivoicebot.sim;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The TwiML answer to the voice webhook, read the way Twilio reads it. Only
 * {@code <Connect><Stream url="wss://…">} gives a two-way call, so anything else fails with a
 * message that says what Twilio would have done instead.
 */
public record ConnectStreamTwiml(String streamUrl, Map<String, String> parameters, boolean hangupFollows, String rawXml) {

    /** Twilio's limit on a custom parameter's name plus value. */
    static final int MAX_PARAMETER_CHARS = 500;

    public ConnectStreamTwiml {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** Parses {@code xml}, throwing {@link TwimlException} if Twilio could not bridge a call with it. */
    public static ConnectStreamTwiml parse(String xml) {
        return parse(xml, false);
    }

    /**
     * Like {@link #parse(String)}, but accepts a {@code ws://} stream URL: what a service on a local
     * {@code http://} origin writes. Real Twilio refuses it; the simulator can still place the call.
     */
    public static ConnectStreamTwiml parseLocal(String xml) {
        return parse(xml, true);
    }

    private static ConnectStreamTwiml parse(String xml, boolean plainWsAllowed) {
        Element response = parseRoot(xml);
        List<Element> verbs = childElements(response);
        int connectAt = indexOf(verbs, "Connect");
        if (connectAt < 0) {
            boolean oneWay = verbs.stream().anyMatch(v -> v.getTagName().equals("Start"));
            throw new TwimlException(oneWay
                    ? "TwiML uses <Start><Stream>, a one-way stream: the caller would hear nothing. Use <Connect><Stream>"
                    : "TwiML has no <Connect> verb", xml);
        }
        List<Element> nouns = childElements(verbs.get(connectAt));
        if (nouns.size() != 1 || !nouns.get(0).getTagName().equals("Stream")) {
            throw new TwimlException("<Connect> must hold exactly one <Stream>", xml);
        }
        Element stream = nouns.get(0);
        String url = checkStreamUrl(stream.getAttribute("url"), xml, plainWsAllowed);
        Map<String, String> parameters = readParameters(stream, xml);
        boolean hangupFollows = connectAt + 1 < verbs.size() && verbs.get(connectAt + 1).getTagName().equals("Hangup");
        return new ConnectStreamTwiml(url, parameters, hangupFollows, xml);
    }

    private static Element parseRoot(String xml) {
        Element root;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler());  // throw on errors instead of printing them to stderr
            root = builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        } catch (Exception e) {
            throw new TwimlException("TwiML is not well-formed XML: " + e.getMessage(), xml);
        }
        if (!root.getTagName().equals("Response")) {
            throw new TwimlException("TwiML root must be <Response>, was <" + root.getTagName() + ">", xml);
        }
        return root;
    }

    private static String checkStreamUrl(String url, String xml, boolean plainWsAllowed) {
        if (url.isEmpty()) {
            throw new TwimlException("<Stream> has no url attribute", xml);
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new TwimlException("<Stream url> is not a URI: " + url, xml);
        }
        boolean scheme = "wss".equals(uri.getScheme()) || (plainWsAllowed && "ws".equals(uri.getScheme()));
        if (!scheme || uri.getHost() == null) {
            throw new TwimlException("<Stream url> must be an absolute wss:// URL, was " + url, xml);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new TwimlException("<Stream url> must not carry a query string; use <Parameter>: " + url, xml);
        }
        return url;
    }

    private static Map<String, String> readParameters(Element stream, String xml) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (Element child : childElements(stream)) {
            if (!child.getTagName().equals("Parameter")) {
                throw new TwimlException("<Stream> may hold only <Parameter>, found <" + child.getTagName() + ">", xml);
            }
            String name = child.getAttribute("name");
            String value = child.getAttribute("value");
            if (name.isEmpty() || !child.hasAttribute("value")) {
                throw new TwimlException("<Parameter> needs both name and value", xml);
            }
            if (name.length() + value.length() >= MAX_PARAMETER_CHARS) {
                throw new TwimlException("<Parameter name=\"" + name + "\"> is over Twilio's 500-character limit", xml);
            }
            if (parameters.put(name, value) != null) {
                throw new TwimlException("<Parameter name=\"" + name + "\"> appears twice", xml);
            }
        }
        return parameters;
    }

    private static List<Element> childElements(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element element) {
                children.add(element);
            }
        }
        return children;
    }

    private static int indexOf(List<Element> elements, String tagName) {
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i).getTagName().equals(tagName)) {
                return i;
            }
        }
        return -1;
    }
}
