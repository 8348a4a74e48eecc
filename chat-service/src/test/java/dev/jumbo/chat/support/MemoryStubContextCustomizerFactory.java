package dev.jumbo.chat.support;

import java.util.List;
import java.util.Map;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/**
 * Points every Spring test context of this module at the {@link MemoryStub} (registered in
 * {@code META-INF/spring.factories}). Being applied to all test classes alike — the conformance test included —
 * it keeps one cached context per module, which a {@code @DynamicPropertySource} in one base class could not.
 */
public class MemoryStubContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
        return new MemoryStubCustomizer();
    }

    private static final class MemoryStubCustomizer implements ContextCustomizer {

        @Override
        public void customizeContext(org.springframework.context.ConfigurableApplicationContext context,
                                     org.springframework.test.context.MergedContextConfiguration configuration) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("memory-stub",
                    Map.of("jumbo.chat.recall.memory-url", MemoryStub.get().url())));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof MemoryStubCustomizer;
        }

        @Override
        public int hashCode() {
            return MemoryStubCustomizer.class.hashCode();
        }
    }
}
