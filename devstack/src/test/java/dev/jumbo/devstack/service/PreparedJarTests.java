package dev.jumbo.devstack.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreparedJarTests {

    @TempDir
    Path directory;

    @Test
    void shouldMapArchiveWhenItExists() {
        PreparedJar jar = new PreparedJar(directory.resolve("app.jar"), directory.resolve("app.jsa"), PreparedJar.Sharing.USE);

        assertThat(jar.jvmOptions()).containsExactly("-XX:SharedArchiveFile=" + directory.resolve("app.jsa"));
    }

    @Test
    void shouldRecordUnderTemporaryNameWhenNoArchiveExistsYet() {
        PreparedJar jar = new PreparedJar(directory.resolve("app.jar"), directory.resolve("app.jsa"), PreparedJar.Sharing.RECORD);

        assertThat(jar.jvmOptions()).containsExactly("-XX:ArchiveClassesAtExit=" + directory.resolve("app.jsa.recording"));
    }

    @Test
    void shouldPromoteRecordingWhenJvmExitedOnItsOwn() throws IOException {
        PreparedJar jar = new PreparedJar(directory.resolve("app.jar"), directory.resolve("app.jsa"), PreparedJar.Sharing.RECORD);
        Files.writeString(directory.resolve("app.jsa.recording"), "archive");

        jar.keepRecording();

        assertThat(directory.resolve("app.jsa")).hasContent("archive");
        assertThat(directory.resolve("app.jsa.recording")).doesNotExist();
    }

    @Test
    void shouldDropRecordingWhenJvmHadToBeKilled() throws IOException {
        PreparedJar jar = new PreparedJar(directory.resolve("app.jar"), directory.resolve("app.jsa"), PreparedJar.Sharing.RECORD);
        Files.writeString(directory.resolve("app.jsa.recording"), "half an archive");

        jar.discardRecording();

        assertThat(directory.resolve("app.jsa")).doesNotExist();
        assertThat(directory.resolve("app.jsa.recording")).doesNotExist();
    }
}
