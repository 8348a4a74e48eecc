package dev.jumbo.devstack.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTests {

    @TempDir
    Path directory;

    @Test
    void shouldReturnLastLinesWhenLogIsLonger() throws IOException {
        Path log = Files.writeString(directory.resolve("chat-service.log"), "one\ntwo\nthree\nfour\n");

        assertThat(LogTail.lastLines(log, 2)).containsExactly("three", "four");
    }

    @Test
    void shouldReturnNothingWhenLogDoesNotExist() {
        assertThat(LogTail.lastLines(directory.resolve("missing.log"), 10)).isEmpty();
    }
}
