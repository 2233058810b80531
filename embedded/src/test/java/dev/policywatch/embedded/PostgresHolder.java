package dev.policywatch.embedded;

import java.nio.file.Path;

/** Runs in a child JVM for the kill -9 test: starts PostgreSQL on a data directory, says READY, waits to be killed. */
public final class PostgresHolder {

    private PostgresHolder() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.builder().dataDir(Path.of(args[0])).port(0).start();
        try (var c = server.dataSource().getConnection(); var st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS kept (label TEXT)");
            st.execute("INSERT INTO kept VALUES ('第十七条')");
        }
        System.out.println("READY");
        System.out.flush();
        Thread.currentThread().join();
    }
}
