package dev.aivoicebot.store;

import static org.junit.jupiter.api.Assertions.fail;

import dev.aivoicebot.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A throw-away PostgreSQL cluster of Debian's package (newest {@code /usr/lib/postgresql/<version>/bin}): initdb
 * on a temporary directory, a free 127.0.0.1 port, its socket in that directory, a password, one database; stopped
 * and deleted after. PostgreSQL refuses to run as root, so under root it runs as {@code nobody}. Tests stop and
 * start it to play a database outage. Without the package the test is skipped, except in CI (env CI), where that
 * is a failure.
 */
public final class TestPostgres implements AutoCloseable {

    public static final String USER = "voicebot";
    public static final String PASSWORD = "test-db-password-3f9c1a";
    public static final String DATABASE = "calls";

    private final Path bin;
    private final Path home;
    private final Path data;
    private final int port = FreePorts.next();

    private TestPostgres(Path bin) throws IOException {
        this.bin = bin;
        this.home = Files.createTempDirectory("test-postgres");
        this.data = home.resolve("data");
    }

    /** Starts a new cluster with an empty database. */
    public static TestPostgres start() {
        Path bin = newestBin();
        try {
            TestPostgres postgres = new TestPostgres(bin);
            Path passwordFile = postgres.home.resolve("password");
            Files.writeString(passwordFile, PASSWORD + "\n");
            postgres.giveAway();
            postgres.run("initdb", "-D", postgres.data.toString(), "-U", USER, "--auth=scram-sha-256",
                    "--pwfile=" + passwordFile, "-E", "UTF8", "--no-sync");
            postgres.startServer();
            postgres.run("createdb", "-h", "127.0.0.1", "-p", Integer.toString(postgres.port), "-U", USER, DATABASE);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
    }

    /** {@code pg_ctl stop -m fast}: connections are cut, new ones refused, until {@link #startServer}. */
    public void stopServer() {
        run("pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "stop");
    }

    /** Starts the server unless it runs (after a test that stopped it failed halfway). */
    public void ensureRunning() {
        try {
            connect().close();
        } catch (SQLException e) {
            startServer();
        }
    }

    public void startServer() {
        run("pg_ctl", "-D", data.toString(), "-w", "-l", home.resolve("server.log").toString(), "-o",
                "-p " + port + " -k " + home + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
    }

    @Override
    public void close() {
        try {
            stopServer();
        } catch (RuntimeException ignored) {
            // already stopped
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory
        }
    }

    private void giveAway() throws IOException {
        if (isRoot()) {
            run(List.of("chown", "-R", "nobody", home.toString()));
        }
    }

    private void run(String tool, String... args) {
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            command.addAll(List.of("runuser", "-u", "nobody", "--"));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(args));
        run(command);
    }

    private void run(List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true);
            builder.environment().putAll(Map.of("PGPASSWORD", PASSWORD, "LC_ALL", "C"));
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + new String(output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static Path newestBin() {
        Path base = Path.of("/usr/lib/postgresql");
        try (Stream<Path> versions = Files.isDirectory(base) ? Files.list(base) : Stream.empty()) {
            Path newest = versions.filter(v -> v.getFileName().toString().matches("\\d+"))
                    .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString())))
                    .map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb"))).orElse(null);
            if (newest == null) {
                if (System.getenv("CI") != null) {
                    fail("CI needs PostgreSQL (apt-get install postgresql; .ci/run does)");
                }
                Assumptions.abort("PostgreSQL is not installed (apt-get install postgresql)");
            }
            return newest;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
