package dev.jumbo.devstack.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceJarCacheTests {

    @TempDir
    Path home;

    private Path cacheDirectory() {
        return home.resolve(".jumbo/cache");
    }

    @Test
    void shouldRunPrivateCopyWhenClassDataSharingIsOff() throws IOException {
        Path built = build("first build");

        PreparedJar prepared = new ServiceJarCache(cacheDirectory(), false).prepare(JumboService.CHAT, built);

        assertThat(prepared.jar()).startsWith(cacheDirectory().resolve("chat-service")).hasContent("first build");
        assertThat(prepared.sharing()).isEqualTo(PreparedJar.Sharing.OFF);
        assertThat(prepared.jvmOptions()).isEmpty();
    }

    @Test
    void shouldKeepRunningCopyUnchangedWhenModuleIsRebuiltMeanwhile() throws IOException {
        Path built = build("first build");
        PreparedJar running = new ServiceJarCache(cacheDirectory(), false).prepare(JumboService.CHAT, built);

        Files.writeString(built, "second build, a bit longer");

        assertThat(running.jar()).hasContent("first build");
    }

    @Test
    void shouldReuseCopyWhenJarIsUnchanged() throws IOException {
        Path built = build("first build");
        ServiceJarCache cache = new ServiceJarCache(cacheDirectory(), false);

        PreparedJar first = cache.prepare(JumboService.CHAT, built);
        PreparedJar second = cache.prepare(JumboService.CHAT, built);

        assertThat(second.jar()).isEqualTo(first.jar());
    }

    @Test
    void shouldReplaceOldCopyWhenJarWasRebuilt() throws IOException {
        Path built = build("first build");
        ServiceJarCache cache = new ServiceJarCache(cacheDirectory(), false);
        PreparedJar first = cache.prepare(JumboService.CHAT, built);

        Files.writeString(built, "second build, a bit longer");
        Files.setLastModifiedTime(built, FileTime.from(Instant.now().plusSeconds(5)));
        PreparedJar second = cache.prepare(JumboService.CHAT, built);

        assertThat(second.jar()).hasContent("second build, a bit longer");
        assertThat(first.jar()).doesNotExist();
    }

    @Test
    void shouldRunPlainCopyWithoutSharingWhenJarCannotBeExtracted() throws IOException {
        Path notASpringBootJar = build("not a jar at all");

        PreparedJar prepared = new ServiceJarCache(cacheDirectory(), true).prepare(JumboService.CHAT, notASpringBootJar);

        assertThat(prepared.sharing()).isEqualTo(PreparedJar.Sharing.OFF);
        assertThat(prepared.jar()).hasContent("not a jar at all");
    }

    private Path build(String content) throws IOException {
        Path jar = home.resolve("chat-service/target/chat-service-0.1.0-SNAPSHOT.jar");
        Files.createDirectories(jar.getParent());
        return Files.writeString(jar, content);
    }
}
