package dev.jumbo.platform.security;

import dev.jumbo.platform.web.ProblemExceptionHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * Every service validates the access token again (never trusting a header): signature from the JWKS,
 * {@code exp}, {@code iss}, {@code aud}. Roles come from the {@code roles} claim as {@code ROLE_x}.
 */
@AutoConfiguration
@EnableWebFluxSecurity
@ConditionalOnClass({NimbusReactiveJwtDecoder.class, ServerHttpSecurity.class, JwtAuthenticationToken.class})
@ConditionalOnProperty(prefix = "jumbo.security.jwt", name = "jwks-uri")
@EnableConfigurationProperties(JwtProperties.class)
public class JwtSecurityAutoConfiguration {

    /** A JWKS endpoint that does not answer fails the token (401) instead of holding the request. */
    private static final Duration JWKS_TIMEOUT = Duration.ofSeconds(5);
    /** How long a verified signature is trusted without checking it again (claims are checked on every request). */
    private static final Duration VERIFIED_TOKEN_MAX_AGE = Duration.ofMinutes(5);
    private static final int VERIFIED_TOKEN_MAX_ENTRIES = 10_000;

    @Bean
    @ConditionalOnMissingBean
    ReactiveJwtDecoder jumboJwtDecoder(JwtProperties properties) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwksUri())
                .jwsAlgorithms(algorithms -> {
                    algorithms.add(SignatureAlgorithm.RS256);
                    algorithms.add(SignatureAlgorithm.ES256);
                })
                .webClient(WebClient.builder()
                        .clientConnector(new ReactorClientHttpConnector(HttpClient.create().responseTimeout(JWKS_TIMEOUT)))
                        .filter(new JwksFetchThrottle(properties.jwksRefetchInterval())).build())
                .build();
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtTimestampValidator(properties.clockSkew()),
                new JwtIssuerValidator(properties.issuer()),
                new JwtClaimValidator<Collection<String>>("aud",
                        audiences -> audiences != null && audiences.contains(properties.audience())),
                new JwtClaimValidator<Object>("exp", exp -> exp != null),
                new JwtClaimValidator<Object>("sub", sub -> sub != null)));
        decoder.setJwtValidator(validator);
        return new VerifiedTokenCache(decoder, validator, VERIFIED_TOKEN_MAX_AGE, VERIFIED_TOKEN_MAX_ENTRIES,
                Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemAuthenticationHandlers problemAuthenticationHandlers(ProblemExceptionHandler problems) {
        return new ProblemAuthenticationHandlers(problems);
    }

    @Bean
    @ConditionalOnMissingBean(SecurityWebFilterChain.class)
    SecurityWebFilterChain jumboSecurityFilterChain(ServerHttpSecurity http, JwtProperties properties,
                                                    ReactiveJwtDecoder decoder, ProblemAuthenticationHandlers handlers) {
        List<String> open = new ArrayList<>(List.of("/actuator/health/**", "/actuator/health", "/actuator/prometheus",
                "/actuator/info", "/v3/api-docs/**"));
        open.addAll(properties.publicPaths());
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(open.toArray(String[]::new)).permitAll()
                        .pathMatchers("/actuator/**").denyAll()
                        .pathMatchers("/api/v1/admin/**").hasRole("admin")
                        .anyExchange().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(JwtRoles.authenticationConverter()))
                        .authenticationEntryPoint(handlers))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers))
                .build();
    }
}
