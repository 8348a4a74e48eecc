package dev.jumbo.maintenance.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The blocking side next to R2DBC: a tiny JDBC pool used only off the event loops (job threads), for ShedLock
 * (its JDBC provider is the maintained one), pg_dump snapshots, scratch databases and the Flyway report.
 */
@Configuration(proxyBeanMethods = false)
class JdbcConfiguration {

    @Bean(destroyMethod = "close")
    DataSource maintenanceDataSource(MaintenanceProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("maintenance-jdbc");
        config.setJdbcUrl(properties.jdbc().url());
        config.setUsername(properties.jdbc().username());
        config.setPassword(properties.jdbc().password());
        config.setMaximumPoolSize(properties.jdbc().poolSize());
        config.setMinimumIdle(1);
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    @Bean
    JdbcTemplate jdbcTemplate(DataSource dataSource) {
        return new JdbcTemplate(dataSource);
    }

    /** One lock row per job in {@code <schema>.shedlock}; database time, so replicas' clocks need not agree. */
    @Bean
    LockProvider lockProvider(JdbcTemplate jdbc, @Value("${jumbo.db.schema}") String schema) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(jdbc)
                .withTableName(schema + ".shedlock")
                .usingDbTime()
                .build());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
