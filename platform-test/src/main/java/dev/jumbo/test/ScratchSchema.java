package dev.jumbo.test;

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
 * Migrations in a fresh schema of their own on a PostgreSQL server (the shared one by default), with an R2DBC
 * client bound to that schema: for tests that wire components by hand (several "instances", a controlled clock,
 * a broker that is not there yet) without touching the application context's schema. The caller brings Flyway,
 * Spring R2DBC and the PostgreSQL drivers (they are optional here).
 */
public final class ScratchSchema {

    public final String schema;
    public final DatabaseClient database;
    public final TransactionalOperator transactions;

    public ScratchSchema(String prefix, String... migrationLocations) {
        this(SharedInfrastructure.database(), prefix, migrationLocations);
    }

    public ScratchSchema(SharedInfrastructure.Database db, String prefix, String... migrationLocations) {
        schema = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Flyway.configure()
                .dataSource(db.jdbcUrl(), db.user(), db.password())
                .schemas(schema).createSchemas(true)
                .locations(migrationLocations)
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

    /** The single number a {@code SELECT count(*) …} answers. */
    public long count(String sql) {
        return database.sql(sql).map(row -> row.get(0, Long.class)).one().block();
    }
}
