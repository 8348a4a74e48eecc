package dev.jumbo.devstack.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A private copy of a service jar that devstack launches, so a rebuild of {@code <module>/target} cannot pull
 * classes from under a running JVM, plus its class-data-sharing (CDS) archive when there is one.
 *
 * @param jar the jar to run
 * @param archive where the CDS archive of this jar lives (or will)
 * @param sharing whether to use the archive, record it during this run, or neither
 */
public record PreparedJar(Path jar, Path archive, Sharing sharing) {

    public enum Sharing {
        OFF,
        /** The archive exists: start faster by mapping it. */
        USE,
        /** No archive yet: this run writes one when the JVM exits normally. */
        RECORD
    }

    public List<String> jvmOptions() {
        return switch (sharing) {
            case OFF -> List.of();
            case USE -> List.of("-XX:SharedArchiveFile=" + archive);
            case RECORD -> List.of("-XX:ArchiveClassesAtExit=" + recording());
        };
    }

    /**
     * After the JVM of a recording run has exited on its own: the archive it wrote becomes the one to use.
     * Written under another name first, so a JVM killed halfway through writing never leaves a broken archive.
     */
    public void keepRecording() {
        if (sharing != Sharing.RECORD || !Files.isRegularFile(recording())) {
            return;
        }
        try {
            Files.move(recording(), archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            discardRecording();
        }
    }

    public void discardRecording() {
        try {
            Files.deleteIfExists(recording());
        } catch (IOException e) {
            // the next recording run overwrites it
        }
    }

    private Path recording() {
        return archive.resolveSibling(archive.getFileName() + ".recording");
    }
}
