package dev.jumbo.devstack.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a private copy of each service jar under {@code .jumbo/cache/<service>/<size-mtime>/}, so rebuilding a
 * module while the stack runs cannot pull classes from under a running JVM: copied as is, or extracted with
 * Spring Boot's {@code jarmode=tools} when class-data sharing is on (CDS only archives classes loaded from plain
 * jars). A new build of the jar gets a new directory; the old one is removed.
 */
public final class ServiceJarCache {

    private static final Logger log = LoggerFactory.getLogger(ServiceJarCache.class);
    private static final String APPLICATION_JAR = "app.jar";
    private static final String ARCHIVE = "app.jsa";
    private static final String COMPLETE_MARKER = ".complete";
    private static final String EXTRACTION_FAILED_MARKER = ".extraction-failed";
    private static final long EXTRACT_TIMEOUT_SECONDS = 180;

    private final Path cacheDirectory;
    private final boolean classDataSharing;

    public ServiceJarCache(Path cacheDirectory, boolean classDataSharing) {
        this.cacheDirectory = cacheDirectory;
        this.classDataSharing = classDataSharing;
    }

    /** Prepares the jars two at a time in the background; instant for jars unchanged since the last run. */
    public CompletableFuture<Map<JumboService, PreparedJar>> prepareAll(Map<JumboService, Path> sourceJars) {
        ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "jar-prepare");
            thread.setDaemon(true);
            return thread;
        });
        Map<JumboService, CompletableFuture<PreparedJar>> futures = new EnumMap<>(JumboService.class);
        sourceJars.forEach((service, jar) -> futures.put(service,
                CompletableFuture.supplyAsync(() -> prepare(service, jar), executor)));
        return CompletableFuture.allOf(futures.values().toArray(CompletableFuture[]::new))
                .thenApply(done -> {
                    Map<JumboService, PreparedJar> prepared = new EnumMap<>(JumboService.class);
                    futures.forEach((service, future) -> prepared.put(service, future.join()));
                    return prepared;
                })
                .whenComplete((prepared, error) -> executor.shutdown());
    }

    public PreparedJar prepare(JumboService service, Path sourceJar) {
        try {
            Path serviceDirectory = cacheDirectory.resolve(service.serviceName());
            Path directory = serviceDirectory.resolve(fingerprintOf(sourceJar));
            Path extracted = directory.resolve("extracted").resolve(APPLICATION_JAR);
            Path copy = directory.resolve(APPLICATION_JAR);
            boolean complete = Files.exists(directory.resolve(COMPLETE_MARKER));
            boolean extractionWanted = classDataSharing && !Files.isRegularFile(extracted)
                    && !Files.exists(directory.resolve(EXTRACTION_FAILED_MARKER));
            if (!complete || extractionWanted) {
                removeOtherVersions(serviceDirectory, directory);
                fill(service, sourceJar, directory);
            }
            Path archive = directory.resolve(ARCHIVE);
            if (classDataSharing && Files.isRegularFile(extracted)) {
                return new PreparedJar(extracted, archive,
                        Files.isRegularFile(archive) ? PreparedJar.Sharing.USE : PreparedJar.Sharing.RECORD);
            }
            return new PreparedJar(Files.isRegularFile(extracted) ? extracted : copy, archive, PreparedJar.Sharing.OFF);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare " + sourceJar, e);
        }
    }

    private void fill(JumboService service, Path sourceJar, Path directory) throws IOException {
        deleteRecursively(directory);
        Files.createDirectories(directory);
        if (classDataSharing && !extract(service, sourceJar, directory.resolve("extracted"))) {
            deleteRecursively(directory.resolve("extracted"));
            Files.createFile(directory.resolve(EXTRACTION_FAILED_MARKER));
        }
        if (!classDataSharing || Files.exists(directory.resolve(EXTRACTION_FAILED_MARKER))) {
            Files.copy(sourceJar, directory.resolve(APPLICATION_JAR), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.createFile(directory.resolve(COMPLETE_MARKER));
    }

    /** {@code java -Djarmode=tools -jar x.jar extract}: app.jar plus lib/*.jar, linked by its manifest class path. */
    private boolean extract(JumboService service, Path sourceJar, Path destination) throws IOException {
        Path output = destination.resolveSibling("extract.log");
        List<String> command = List.of(ServiceLauncher.javaExecutable(), "-Djarmode=tools", "-jar", sourceJar.toString(),
                "extract", "--destination", destination.toString(), "--application-filename", APPLICATION_JAR);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            if (process.waitFor(EXTRACT_TIMEOUT_SECONDS, TimeUnit.SECONDS) && process.exitValue() == 0) {
                return true;
            }
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        log.warn("Could not extract {} (see {}): running a plain copy, without class-data sharing",
                service.serviceName(), output);
        return false;
    }

    private static String fingerprintOf(Path jar) throws IOException {
        return Long.toHexString(Files.size(jar)) + "-" + Long.toHexString(Files.getLastModifiedTime(jar).toMillis());
    }

    private static void removeOtherVersions(Path serviceDirectory, Path keep) throws IOException {
        if (!Files.isDirectory(serviceDirectory)) {
            return;
        }
        try (Stream<Path> versions = Files.list(serviceDirectory)) {
            for (Path version : versions.filter(path -> !path.equals(keep)).toList()) {
                deleteRecursively(version);
            }
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
