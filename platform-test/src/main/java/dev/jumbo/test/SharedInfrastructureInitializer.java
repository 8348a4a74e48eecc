package dev.jumbo.test;

import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring context at the shared test servers by setting the same {@code JUMBO_*} variables a
 * deployment sets. Being one class, it keeps Spring's test context cache effective.
 */
public class SharedInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        SharedInfrastructure.Database database = SharedInfrastructure.database();
        SharedInfrastructure.RedisAddress redis = SharedInfrastructure.redis();
        Map<String, Object> properties = new HashMap<>();
        properties.put("JUMBO_DB_HOST", database.host());
        properties.put("JUMBO_DB_PORT", String.valueOf(database.port()));
        properties.put("JUMBO_DB_NAME", database.name());
        properties.put("JUMBO_DB_USER", database.user());
        properties.put("JUMBO_DB_PASSWORD", database.password());
        properties.put("JUMBO_KAFKA_BOOTSTRAP_SERVERS", SharedInfrastructure.kafkaBootstrapServers());
        properties.put("JUMBO_REDIS_HOST", redis.host());
        properties.put("JUMBO_REDIS_PORT", String.valueOf(redis.port()));
        properties.put("JUMBO_JWKS_URI", TestJwks.get().uri());
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("jumbo-shared-test-infrastructure", properties));
    }
}
