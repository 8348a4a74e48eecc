package dev.jumbo.auth.account;

import jakarta.validation.Valid;
import java.net.InetSocketAddress;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The public auth endpoints (no token needed): signup, login, refresh, logout. */
@RestController
class AuthController {

    private final AuthService auth;

    AuthController(AuthService auth) {
        this.auth = auth;
    }

    @PostMapping("/api/v1/auth/signup")
    Mono<ResponseEntity<Tokens>> signup(@Valid @RequestBody AuthRequests.Signup body) {
        EmailAddress email = EmailAddress.parse(body.email()).orElseThrow();
        return auth.signup(email, body.password(), body.username())
                .map(tokens -> ResponseEntity.created(URI.create("/api/v1/profile")).body(tokens));
    }

    @PostMapping("/api/v1/auth/login")
    Mono<Tokens> login(@Valid @RequestBody AuthRequests.Login body, ServerHttpRequest request) {
        return auth.login(body.email(), body.password(), clientIp(request));
    }

    @PostMapping("/api/v1/auth/refresh")
    Mono<Tokens> refresh(@Valid @RequestBody AuthRequests.RefreshToken body) {
        return auth.refresh(body.refreshToken());
    }

    @PostMapping("/api/v1/auth/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> logout(@Valid @RequestBody AuthRequests.RefreshToken body) {
        return auth.logout(body.refreshToken());
    }

    /** The caller's address; behind the gateway it comes from X-Forwarded-For (server.forward-headers-strategy). */
    private static String clientIp(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
