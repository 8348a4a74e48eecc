package dev.jumbo.gateway.support;

import java.util.List;

/** The four fake services, one set per test JVM, so every integration test shares one Spring context. */
public final class FakeServices {

    public static final FakeService AUTH = FakeService.start("auth");
    public static final FakeService CHAT = FakeService.start("chat");
    public static final FakeService MEMORY = FakeService.start("memory");
    public static final FakeService MAINTENANCE = FakeService.start("maintenance");

    private FakeServices() {
    }

    public static List<FakeService> all() {
        return List.of(AUTH, CHAT, MEMORY, MAINTENANCE);
    }

    public static FakeService named(String name) {
        return all().stream().filter(service -> service.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No fake service " + name));
    }

    public static void resetAll() {
        all().forEach(FakeService::reset);
    }
}
