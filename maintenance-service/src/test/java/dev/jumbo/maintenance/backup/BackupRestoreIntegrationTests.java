package dev.jumbo.maintenance.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jumbo.maintenance.config.MaintenanceProperties;
import dev.jumbo.maintenance.support.MaintenanceIntegrationTest;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Needs a pg_dump of the test server's major version or newer (Debian: postgresql-client-15); skipped without one. */
class BackupRestoreIntegrationTests extends MaintenanceIntegrationTest {

    private final Random random = new Random(11);

    @Autowired
    PgToolsLocator tools;

    @Autowired
    MaintenanceProperties properties;


    @BeforeEach
    void requirePgDump() {
        PgToolsLocator.ServerVersion server = tools.serverVersion();
        assumeTrue(tools.find(server.major()).isPresent(), () -> tools.missingMessage(server));
    }

    @Test
    void shouldGiveBackIdenticalRowsWhenDataDeletedAfterABackupIsRestored() {
        String user = newUser();
        UUID first = insert(NewMemory.of(user, "User's sister lives in Paris", "relationships", "sister", "lives_in",
                List.of("Paris"), randomVector(random)));
        insert(NewMemory.of(user, "User likes jazz", "preferences", "user", "likes", List.of("jazz"), randomVector(random)));
        database.sql("INSERT INTO memory.memory_history (memory_id, user_id, change, text, fact_values) "
                + "VALUES (:id, :user, 'updated', 'User''s sister lives in London', ARRAY['London'])")
                .bind("id", first).bind("user", user).then().block();
        List<String> memoriesBefore = rows("memory.memories");
        List<String> historyBefore = rows("memory.memory_history");

        JsonNode backup = runJob("backup");
        assertThat(backup.get("status").asString()).as(backup.toString()).isEqualTo("succeeded");
        String backupId = backup.get("stats").get("backupId").asString();

        database.sql("DELETE FROM memory.memories WHERE user_id = :user").bind("user", user).then().block();
        insert(NewMemory.of(newUser(), "User lives in Rome", "places", "user", "lives_in", List.of("Rome"), randomVector(random)));
        assertThat(rows("memory.memories")).isNotEqualTo(memoriesBefore);

        byte[] body = http.post().uri("/api/v1/admin/backups/{id}/restore", backupId).header("Authorization", adminToken())
                .exchange().expectStatus().isAccepted().expectBody().returnResult().getResponseBody();
        JsonNode restore = awaitRun("restore", JSON.readTree(body).get("id").asString());

        assertThat(restore.get("status").asString()).as(restore.toString()).isEqualTo("succeeded");
        assertThat(rows("memory.memories")).isEqualTo(memoriesBefore);
        assertThat(rows("memory.memory_history")).isEqualTo(historyBefore);
        // maintenance's own schema is left as it is: the runs of the backup and of the restore are still there
        assertThat(count("SELECT count(*) AS n FROM job_runs WHERE id = :v", UUID.fromString(backup.get("id").asString()))).isOne();
        assertThat(count("SELECT count(*) AS n FROM backups WHERE id = :v", UUID.fromString(backupId))).isOne();
    }

    @Test
    void shouldRecordVerifiedAtWhenTheNewestBackupRestoresWithTheSameRowCounts() throws IOException {
        insert(NewMemory.of(newUser(), "User works at Acme", "work", "user", "works_at", List.of("Acme"), randomVector(random)));
        JsonNode backup = runJob("backup");
        String backupId = backup.get("stats").get("backupId").asString();

        JsonNode verify = runJob("verify-backup");

        assertThat(verify.get("status").asString()).as(verify.toString()).isEqualTo("succeeded");
        assertThat(verify.get("stats").get("backupId").asString()).isEqualTo(backupId);
        JsonNode listed = getJson("/api/v1/admin/backups").get("items").get(0);
        assertThat(listed.get("id").asString()).isEqualTo(backupId);
        assertThat(listed.get("verifiedAt").isNull()).isFalse();
        assertThat(listed.get("kind").asString()).isIn("daily", "weekly", "monthly");
        Path file = properties.backup().directory().resolve(listed.get("fileName").asString());
        assertThat(listed.get("sizeBytes").asLong()).isEqualTo(Files.size(file));
        assertThat(listed.get("sha256").asString()).isEqualTo(Checksums.sha256(file));
        assertThat(count("SELECT count(*) AS n FROM pg_database WHERE datname LIKE :v", "jumbo\\_verify\\_%")).isZero();
    }

    @Test
    void shouldFailVerificationWhenTheBackupFileIsCorrupted() throws IOException {
        JsonNode backup = runJob("backup");
        Path file = properties.backup().directory().resolve(backup.get("stats").get("file").asString());
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            long middle = raw.length() / 2;
            raw.seek(middle);
            int b = raw.read();
            raw.seek(middle);
            raw.write(b ^ 0xFF);
        }

        JsonNode verify = runJob("verify-backup");

        assertThat(verify.get("status").asString()).isEqualTo("failed");
        assertThat(verify.get("error").asString()).contains("corrupted");
        JsonNode listed = getJson("/api/v1/admin/backups").get("items").get(0);
        assertThat(listed.get("id").asString()).isEqualTo(backup.get("stats").get("backupId").asString());
        assertThat(listed.has("verifiedAt") && !listed.get("verifiedAt").isNull()).isFalse();
    }

    private List<String> rows(String table) {
        return database.sql("SELECT to_jsonb(t)::text AS row FROM " + table + " t ORDER BY 1")
                .map(row -> row.get("row", String.class)).all().collectList().block();
    }
}
