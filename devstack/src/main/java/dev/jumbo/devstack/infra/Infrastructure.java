package dev.jumbo.devstack.infra;

/** Where the running PostgreSQL, Kafka and Redis listen. */
public record Infrastructure(int postgresPort, String kafkaBootstrapServers, int kafkaPort, int redisPort) {
}
