package dev.aivoicebot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The feature packages depend one way: read from the imports of src/main, there is no cycle, and the leaves
 * import no feature package. A lower package that needs to call up declares an interface instead (as
 * {@code call.CallerLine}, which {@code twilio} implements).
 */
class PackageDependenciesTest {

    private static final Path MAIN = Path.of("src/main/java/dev/aivoicebot");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?dev\\.aivoicebot\\.([a-z]+)\\.",
            Pattern.MULTILINE);

    @Test
    void noPackageCycle() throws IOException {
        Map<String, Set<String>> graph = imports();
        for (String start : graph.keySet()) {
            List<String> cycle = pathBack(graph, start, start, new ArrayList<>(List.of(start)), new TreeSet<>());
            assertTrue(cycle.isEmpty(), "package cycle: " + String.join(" -> ", cycle));
        }
    }

    @Test
    void leavesImportNoFeaturePackage() throws IOException {
        Map<String, Set<String>> graph = imports();
        assertEquals(Set.of(), graph.get("safety"), "safety");
        assertTrue(Set.of("safety").containsAll(graph.get("metrics")), "metrics imports at most safety: "
                + graph.get("metrics"));
        assertTrue(Set.of("metrics", "safety").containsAll(graph.get("openai")),
                "openai knows nothing of calls, Twilio or the emulator: " + graph.get("openai"));
    }

    private static List<String> pathBack(Map<String, Set<String>> graph, String target, String at,
            List<String> path, Set<String> seen) {
        for (String next : graph.getOrDefault(at, Set.of())) {
            if (next.equals(target)) {
                List<String> cycle = new ArrayList<>(path);
                cycle.add(next);
                return cycle;
            }
            if (seen.add(next)) {
                path.add(next);
                List<String> found = pathBack(graph, target, next, path, seen);
                if (!found.isEmpty()) {
                    return found;
                }
                path.remove(path.size() - 1);
            }
        }
        return List.of();
    }

    /** Feature package → the feature packages its main sources import. */
    private static Map<String, Set<String>> imports() throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> packages = Files.list(MAIN)) {
            for (Path dir : packages.filter(Files::isDirectory).toList()) {
                String name = dir.getFileName().toString();
                Set<String> used = new TreeSet<>();
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        Matcher m = IMPORT.matcher(Files.readString(file));
                        while (m.find()) {
                            used.add(m.group(1));
                        }
                    }
                }
                used.remove(name);
                graph.put(name, used);
            }
        }
        return graph;
    }
}
