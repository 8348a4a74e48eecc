package dev.jumbo.devstack.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceJarLocatorTests {

    @TempDir
    Path home;

    @Test
    void shouldFindJarWhenItHasMainClass() throws IOException {
        Path jar = writeJar("auth-service/target/auth-service-0.1.0-SNAPSHOT.jar", true);
        writeJar("auth-service/target/auth-service-0.1.0-SNAPSHOT-sources.jar", true);

        assertThat(new ServiceJarLocator(home).runnableJarOf(JumboService.AUTH)).contains(jar);
    }

    @Test
    void shouldFindNothingWhenModuleJarIsPlain() throws IOException {
        writeJar("gateway/target/gateway-0.1.0-SNAPSHOT.jar", false);

        assertThat(new ServiceJarLocator(home).runnableJarOf(JumboService.GATEWAY)).isEmpty();
    }

    @Test
    void shouldFindNothingWhenModuleWasNeverBuilt() {
        assertThat(new ServiceJarLocator(home).runnableJarOf(JumboService.CHAT)).isEmpty();
    }

    private Path writeJar(String relativePath, boolean withMainClass) throws IOException {
        Path jar = home.resolve(relativePath);
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (withMainClass) {
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "org.springframework.boot.loader.launch.JarLauncher");
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            return jar;
        }
    }
}
