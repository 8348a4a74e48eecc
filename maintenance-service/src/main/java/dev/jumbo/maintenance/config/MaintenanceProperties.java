package dev.jumbo.maintenance.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Everything maintenance-service can be told ({@code jumbo.maintenance.*}); checked at startup. */
@Validated
@ConfigurationProperties("jumbo.maintenance")
public record MaintenanceProperties(
        @Valid @NotNull Jdbc jdbc,
        @NotNull Map<String, @Valid Schedule> jobs,
        @NotBlank @Pattern(regexp = "[a-z_][a-z0-9_]*") String memorySchema,
        @Valid @NotNull Dedup dedup,
        @Valid @NotNull Archive archive,
        @Valid @NotNull Backup backup,
        @NotNull List<@Pattern(regexp = "[a-z_][a-z0-9_]*") String> migrationSchemas) {

    /** The small blocking pool for the cluster lock, pg_dump snapshots and scratch databases. */
    public record Jdbc(@NotBlank String url, @NotBlank String username, String password, @Min(2) int poolSize) {
    }

    /** When a job runs by itself ({@code "-"}: only when triggered) and how long its cluster lock may be held at most. */
    public record Schedule(@NotBlank String cron, @NotNull Duration lockAtMostFor) {

        public boolean scheduled() {
            return !"-".equals(cron);
        }
    }

    public record Dedup(@DecimalMin("0.5") @DecimalMax("1.0") double cosineThreshold,
                        @DecimalMin("0.1") @DecimalMax("1.0") double trigramThreshold) {
    }

    /** Stale = not recalled (nor created) for {@code staleAfter}; important = one of these categories or relations. */
    public record Archive(@NotNull Duration staleAfter, @NotNull Set<String> importantCategories,
                          @NotNull Set<String> importantRelations) {
    }

    public record Backup(@NotNull Path directory, @NotNull List<Path> pgBinDirectories, @Valid @NotNull Retention retention,
                         @NotNull Duration toolTimeout) {
    }

    public record Retention(@Min(1) int daily, @Min(0) int weekly, @Min(0) int monthly) {
    }
}
