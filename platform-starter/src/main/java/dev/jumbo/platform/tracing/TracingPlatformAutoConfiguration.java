package dev.jumbo.platform.tracing;

import io.opentelemetry.sdk.trace.SpanLimits;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SdkTracerProviderBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/** Bounds what one span may cost. */
@AutoConfiguration
@ConditionalOnClass({SdkTracerProviderBuilderCustomizer.class, SpanLimits.class})
public class TracingPlatformAutoConfiguration {

    /**
     * Longest attribute value a span keeps. An exception recorded on a span becomes an {@code exception.stacktrace}
     * attribute; unbounded, a reactive stack trace (hundreds of frames, with causes and suppressed checkpoints) was
     * rendered in full for every observation the error passed through. The first frames are the useful ones.
     */
    static final int MAX_ATTRIBUTE_VALUE_LENGTH = 4096;

    @Bean
    SdkTracerProviderBuilderCustomizer jumboSpanLimits() {
        return builder -> builder.setSpanLimits(SpanLimits.builder()
                .setMaxAttributeValueLength(MAX_ATTRIBUTE_VALUE_LENGTH).build());
    }
}
