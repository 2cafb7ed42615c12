package dev.aivoicebot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application (the jar, or the native binary after {@code -Dnative}) as its own process, the way it
 * runs in production: prod profile, configured only through the environment, in an empty working directory (no
 * {@code .env}), on free ports of 127.0.0.1. For what an in-process test cannot do: send it a real signal, or
 * exhaust its sockets. Which artifact runs is what the build last packaged ({@code target/quarkus-artifact.properties}).
 */
public final class PackagedApp implements AutoCloseable {

    public static final String PUBLIC_BASE_URL = "https://voice.example.test";
    public static final String AUTH_TOKEN = "packaged-app-twilio-token-7a1c";

    private final Process process;
    private final Path workDir;
    private final Path output;
    private final int port;
    private final int managementPort;
    private final String artifactType;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private PackagedApp(Process process, Path workDir, Path output, int port, int managementPort, String type) {
        this.process = process;
        this.workDir = workDir;
        this.output = output;
        this.port = port;
        this.managementPort = managementPort;
        this.artifactType = type;
    }

    /** Starts the artifact with a working configuration plus {@code settings} (environment variables), and waits until ready. */
    public static PackagedApp start(Map<String, String> settings) throws IOException {
        PackagedApp app = launch(settings);
        app.awaitReady(Duration.ofSeconds(90));
        return app;
    }

    /** Starts the artifact like {@link #start} but does not wait: for settings it must refuse. */
    public static PackagedApp launch(Map<String, String> settings) throws IOException {
        Path target = Path.of("target").toAbsolutePath();
        Properties artifact = new Properties();
        try (InputStream in = Files.newInputStream(target.resolve("quarkus-artifact.properties"))) {
            artifact.load(in);
        }
        String type = artifact.getProperty("type");
        Path path = target.resolve(artifact.getProperty("path"));
        List<String> command = new ArrayList<>();
        if ("native".equals(type)) {
            command.add(path.toString());
        } else {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-jar");
            command.add(path.toString());
        }
        Path workDir = Files.createTempDirectory(target, "packaged-app-");
        int port = FreePorts.next();
        int managementPort = FreePorts.next();
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("PORT", Integer.toString(port));
        env.put("MANAGEMENT_PORT", Integer.toString(managementPort));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
        env.put("PUBLIC_BASE_URL", PUBLIC_BASE_URL);
        env.put("TWILIO_AUTH_TOKEN", AUTH_TOKEN);
        env.put("STREAM_TOKEN_SECRET", "packaged-app-stream-secret-4e2d90b1");
        env.put("EMULATOR_ENABLED", "true");
        env.put("GENERATE_VOICE_ENABLED", "false");
        env.put("ADMIN_API_KEY", "packaged-app-admin-key-7a1c3e");
        env.put("LOG_DIR", workDir.resolve("transcripts").toString());
        env.putAll(settings);
        Path output = workDir.resolve("service.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        return new PackagedApp(builder.start(), workDir, output, port, managementPort, type);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public int port() {
        return port;
    }

    /** {@code jar} or {@code native}. */
    public String artifactType() {
        return artifactType;
    }

    public Path transcriptDir() {
        return workDir.resolve("transcripts");
    }

    public long pid() {
        return process.pid();
    }

    /** SIGTERM, what Kubernetes and systemd send to stop a service. */
    public void terminate() {
        process.destroy();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the process to exit; its exit code, or -1 if it is still running after {@code timeout}. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    /** Everything the process wrote to stdout and stderr (its log) so far. */
    public String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The status of a GET on the management interface, or -1 when it does not answer. */
    public int managementStatus(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(managementUrl() + path)).timeout(Duration.ofSeconds(2))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (managementStatus("/q/health/ready") != 200) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("the packaged application did not become ready; its log:\n" + output());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
