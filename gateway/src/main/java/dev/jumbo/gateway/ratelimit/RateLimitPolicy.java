package dev.jumbo.gateway.ratelimit;

/**
 * A named bucket configuration: {@code name} keeps its Redis keys apart from the other policies'.
 *
 * @param name {@code auth} or {@code api}
 * @param replenishRate tokens added per second
 * @param burstCapacity most tokens a bucket holds
 */
public record RateLimitPolicy(String name, int replenishRate, int burstCapacity) {

    static RateLimitPolicy of(String name, RateLimitProperties.Limit limit) {
        return new RateLimitPolicy(name, limit.replenishRate(), limit.burstCapacity());
    }
}
