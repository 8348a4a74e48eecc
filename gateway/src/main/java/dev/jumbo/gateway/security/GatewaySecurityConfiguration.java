package dev.jumbo.gateway.security;

import dev.jumbo.platform.security.JwtRoles;
import dev.jumbo.platform.security.ProblemAuthenticationHandlers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;


import org.springframework.security.config.web.server.ServerHttpSecurity;



import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;


import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;


/**
 * The gateway's own rules (the chassis' chain is {@code @ConditionalOnMissingBean}): the token is checked
 * before routing with the chassis' decoder (JWKS signature, {@code exp}, {@code iss}, {@code aud}); a
 * missing or invalid one answers {@code 401}, a missing role {@code 404}, both as problem+json. Paths
 * outside {@code /api/v1/**} are open so that unknown ones reach the {@code 404} handler. CORS and the
 * security headers are the gateway's own web filters, so Spring Security's are off here.
 */
@Configuration(proxyBeanMethods = false)
public class GatewaySecurityConfiguration {

    @Bean
    SecurityWebFilterChain gatewaySecurityFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
                                                      ProblemAuthenticationHandlers handlers) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .cors(ServerHttpSecurity.CorsSpec::disable)
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges
                        .matchers(PublicEndpoints.PUBLIC_API).permitAll()
                        .matchers(PublicEndpoints.ADMIN_API).hasRole("admin")
                        .matchers(PublicEndpoints.API).authenticated()
                        .anyExchange().permitAll())
                .oauth2ResourceServer(server -> server
                        .bearerTokenConverter(new BearerTokenOnProtectedPathsConverter())
                        .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(JwtRoles.authenticationConverter()))
                        .authenticationEntryPoint(handlers))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers))
                .build();
    }
}
