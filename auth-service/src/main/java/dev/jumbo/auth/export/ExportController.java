package dev.jumbo.auth.export;

import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class ExportController {

    private final ExportService exports;

    ExportController(ExportService exports) {
        this.exports = exports;
    }

    /** The caller's own data only: the token is forwarded, so the other services answer for the same user. */
    @GetMapping("/api/v1/profile/export")
    Mono<ProfileExport> export(@AuthenticationPrincipal Jwt jwt) {
        return exports.export(UUID.fromString(jwt.getSubject()), jwt.getTokenValue());
    }
}
