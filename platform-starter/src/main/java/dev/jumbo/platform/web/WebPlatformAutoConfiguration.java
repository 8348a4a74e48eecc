package dev.jumbo.platform.web;

import io.micrometer.context.ContextRegistry;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.codec.ServerCodecConfigurer;

/** Problem+json errors, request ids and {@code traceparent} for every reactive Jumbo service. */
@AutoConfiguration(beforeName = "org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class WebPlatformAutoConfiguration {

    static {
        // carries the request id from the Reactor context into the logging MDC on every thread hop
        ContextRegistry.getInstance().registerThreadLocalAccessor(RequestIdWebFilter.CONTEXT_KEY,
                () -> MDC.get(RequestIdWebFilter.CONTEXT_KEY),
                value -> MDC.put(RequestIdWebFilter.CONTEXT_KEY, value),
                () -> MDC.remove(RequestIdWebFilter.CONTEXT_KEY));
    }

    @Bean
    @Order(-2)
    @ConditionalOnMissingBean
    ProblemExceptionHandler problemExceptionHandler(ServerCodecConfigurer codecs) {
        return new ProblemExceptionHandler(codecs);
    }

    @Bean
    @ConditionalOnMissingBean
    RequestIdWebFilter requestIdWebFilter() {
        return new RequestIdWebFilter();
    }

    @Bean
    KeptAliveReadRearming keptAliveReadRearming() {
        return new KeptAliveReadRearming();
    }

    @Bean
    @ConditionalOnMissingBean
    TraceparentWebFilter traceparentWebFilter() {
        return new TraceparentWebFilter();
    }
}
