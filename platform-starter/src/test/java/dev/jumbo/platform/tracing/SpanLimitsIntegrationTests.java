package dev.jumbo.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jumbo.platform.support.PlatformIntegrationTest;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SpanLimitsIntegrationTests extends PlatformIntegrationTest {

    @Autowired
    SdkTracerProvider tracerProvider;

    @Test
    void shouldBoundSpanAttributeValuesWhenServiceTraces() {
        assertThat(tracerProvider.getSpanLimits().getMaxAttributeValueLength())
                .isEqualTo(TracingPlatformAutoConfiguration.MAX_ATTRIBUTE_VALUE_LENGTH);
    }
}
