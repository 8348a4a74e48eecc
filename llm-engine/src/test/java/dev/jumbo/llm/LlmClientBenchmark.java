package dev.jumbo.llm;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/**
 * What the guards cost (not a test): the same model call against a local WireMock, once straight through Spring
 * AI's model and once through {@link LlmClient} (bulkhead, retry, breaker, time limit, boundedElastic hop,
 * metrics). Prints latency percentiles of both. Run:
 * {@code java -cp <test classpath> dev.jumbo.llm.LlmClientBenchmark [calls]}.
 */
public final class LlmClientBenchmark {

    private LlmClientBenchmark() {
    }

    public static void main(String[] args) {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        try (FakeProvider fake = new FakeProvider()) {
            fake.stubOpenAi(FakeProvider.openAiAnswer("{\"text\":\"hi\"}", 10, 2));
            LlmProperties properties = new LlmProperties("openai", fake.openAiBaseUrl(), "k", "test-model",
                    Duration.ofSeconds(30), 3, Duration.ofMillis(50), Duration.ofSeconds(2), 64, 50, 100,
                    Duration.ofSeconds(30), 0.7, 256, false);
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            OpenAiProvider provider = new OpenAiProvider(properties);
            LlmClient client = new LlmClient(provider, properties, new LlmMetrics(meters, "openai"),
                    LlmGuards.create(properties, meters));
            LlmRequest request = new LlmRequest("bench", PromptTemplate.load("echo", 2)
                    .render(Map.of("name", "Ada", "message", "Hello")), true);

            for (int i = 0; i < 500; i++) {
                provider.model().call(provider.prompt(request));
                client.call(request).block();
            }
            long[] direct = new long[calls];
            long[] guarded = new long[calls];
            for (int i = 0; i < calls; i++) {
                long started = System.nanoTime();
                provider.model().call(provider.prompt(request));
                direct[i] = System.nanoTime() - started;
                started = System.nanoTime();
                client.call(request).block();
                guarded[i] = System.nanoTime() - started;
            }
            System.out.printf("calls=%d (interleaved, sequential, local WireMock, cores=%d)%n", calls,
                    Runtime.getRuntime().availableProcessors());
            print("Spring AI model directly", direct);
            print("LlmClient (guards+metrics)", guarded);
            System.out.printf("median overhead of the guards: %.3f ms%n",
                    (percentile(guarded, 50) - percentile(direct, 50)) / 1e6);
        }
    }

    private static void print(String what, long[] nanos) {
        System.out.printf("%-28s p50 %.3f ms  p95 %.3f ms  p99 %.3f ms  mean %.3f ms%n", what,
                percentile(nanos, 50) / 1e6, percentile(nanos, 95) / 1e6, percentile(nanos, 99) / 1e6,
                Arrays.stream(nanos).average().orElse(0) / 1e6);
    }

    private static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
