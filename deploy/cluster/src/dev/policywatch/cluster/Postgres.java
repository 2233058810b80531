package dev.policywatch.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of its own (Debian's postgresql package: initdb, pg_ctl) on 127.0.0.1 and a free
 * port, data in a fresh folder, database {@code policywatch}. As root, the server runs as the
 * {@code postgres} user (PostgreSQL refuses to run as root).
 */
final class Postgres implements AutoCloseable {

    private final Path bin;
    private final Path data;
    private final Path log;
    private final Path toolsLog;
    private final int port;
    private final boolean root;

    Postgres(Path work) throws IOException {
        this.bin = findBin();
        this.port = Launcher.freePort();
        this.root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("pw-cluster-pg-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        this.data = dir.resolve("data");
        this.log = dir.resolve("server.log");
        this.toolsLog = work.resolve("postgres-tools.log");
        if (root) {
            UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(dir, postgres);
        }
    }

    int port() {
        return port;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/policywatch";
    }

    void start() {
        Path sockets = data.getParent();
        check("initdb", run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "policywatch",
                "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8")));
        check("pg_ctl start", run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", log.toString(),
                "-w", "-t", "60", "-o", "-p " + port + " -k " + sockets + " -c listen_addresses=127.0.0.1"
                        + " -c max_connections=100 -c shared_buffers=64MB -c fsync=on", "start")));
        check("createdb", run(List.of(bin.resolve("createdb").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port),
                "-U", "policywatch", "policywatch")));
        ClusterTest.log("PostgreSQL %s on 127.0.0.1:%d (data %s)", bin.getParent().getFileName(), port, data);
    }

    @Override
    public void close() {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop"));
    }

    private int run(List<String> command) {
        List<String> full = new ArrayList<>();
        if (root) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        return Launcher.run(full, toolsLog);
    }

    /** The server's own log (in its data folder's parent). */
    Path log() {
        return log;
    }

    private static void check(String what, int exit) {
        if (exit != 0) {
            throw new IllegalStateException(what + " failed (exit " + exit + "); see postgres-tools.log");
        }
    }

    /** $PG_BIN, or the newest /usr/lib/postgresql/<version>/bin with initdb. */
    private static Path findBin() throws IOException {
        String configured = System.getenv("PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString())))
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL in /usr/lib/postgresql: apt-get install postgresql"));
        }
    }
}
