package dev.jumbo.auth.support;

import dev.jumbo.test.SharedInfrastructure;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * auth-service's migrations in a schema of their own on the shared PostgreSQL, for tests that wire components
 * by hand (several "instances", a controlled clock) without touching the application's schema.
 */
public final class IsolatedSchema {

    public final String schema = "auth_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    public final DatabaseClient database;
    public final TransactionalOperator transactions;

    public IsolatedSchema() {
        SharedInfrastructure.Database db = SharedInfrastructure.database();
        Flyway.configure()
                .dataSource(db.jdbcUrl(), db.user(), db.password())
                .schemas(schema).createSchemas(true)
                .locations("classpath:db/platform", "classpath:db/migration")
                .load().migrate();
        ConnectionFactory connections = ConnectionFactories.get(ConnectionFactoryOptions.builder()
                .option(ConnectionFactoryOptions.DRIVER, "postgresql")
                .option(ConnectionFactoryOptions.HOST, db.host())
                .option(ConnectionFactoryOptions.PORT, db.port())
                .option(ConnectionFactoryOptions.DATABASE, db.name())
                .option(ConnectionFactoryOptions.USER, db.user())
                .option(ConnectionFactoryOptions.PASSWORD, db.password())
                .option(Option.valueOf("schema"), schema)
                .build());
        database = DatabaseClient.create(connections);
        transactions = TransactionalOperator.create(new R2dbcTransactionManager(connections));
    }

    public long count(String sql) {
        return database.sql(sql).map(row -> row.get(0, Long.class)).one().block();
    }
}
