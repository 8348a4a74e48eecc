package dev.jumbo.gateway.support;

import dev.jumbo.infra.RedisServer;

/**
 * The gateway tests' own Redis (a real server from the embedded-infra package), on a port that stays the same
 * across {@link #stop()} and {@link #start()}, so a test can take it away from the running gateway and give it
 * back. Shared infrastructure cannot be stopped without harming other tests, hence a private one.
 */
public final class GatewayRedis {

    private static RedisServer server = RedisServer.start(0);
    private static final int PORT = server.port();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(GatewayRedis::stop, "stop-gateway-test-redis"));
    }

    private GatewayRedis() {
    }

    public static int port() {
        return PORT;
    }

    public static synchronized void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    public static synchronized void start() {
        if (server == null) {
            server = RedisServer.start(PORT);
        }
    }
}
