package dev.jumbo.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import redis.embedded.core.RedisServerBuilder;

/** A real Redis server (binary from the codemonstur embedded-redis Maven package) on loopback. */
public final class RedisServer implements AutoCloseable {

    private final redis.embedded.RedisServer server;
    private final int port;

    private RedisServer(redis.embedded.RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static RedisServer start(int port) {
        int chosen = port > 0 ? port : FreePorts.next();
        try {
            redis.embedded.RedisServer server = new RedisServerBuilder()
                    .port(chosen)
                    .bind("127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            server.start();
            return new RedisServer(server, chosen);
        } catch (IOException e) {
            throw new UncheckedIOException("Redis did not start on port " + chosen, e);
        }
    }

    public int port() {
        return port;
    }

    public boolean isActive() {
        return server.isActive();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
