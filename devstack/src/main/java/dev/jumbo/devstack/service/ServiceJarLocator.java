package dev.jumbo.devstack.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** Finds the runnable (Spring Boot repackaged) jar a module's build left in {@code <module>/target}. */
public final class ServiceJarLocator {

    private final Path home;

    public ServiceJarLocator(Path home) {
        this.home = home;
    }

    /** Empty when the module has no jar yet or only a plain one (a module that is still a shell). */
    public Optional<Path> runnableJarOf(JumboService service) {
        Path target = home.resolve(service.serviceName()).resolve("target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> isBuildOutputOf(service, file.getFileName().toString()))
                    .filter(ServiceJarLocator::hasMainClass)
                    .max(Comparator.comparing(ServiceJarLocator::lastModified));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public Path targetDirectoryOf(JumboService service) {
        return home.resolve(service.serviceName()).resolve("target");
    }

    private static boolean isBuildOutputOf(JumboService service, String fileName) {
        return fileName.startsWith(service.serviceName() + "-")
                && fileName.endsWith(".jar")
                && !fileName.endsWith("-sources.jar")
                && !fileName.endsWith("-javadoc.jar")
                && !fileName.endsWith("-tests.jar")
                && !fileName.endsWith("-plain.jar");
    }

    private static boolean hasMainClass(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest() != null && file.getManifest().getMainAttributes().getValue("Main-Class") != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static long lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
