package dev.jumbo.auth.profile;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The caller's own profile: there is no user id in these paths, the token's subject is the only one. */
@RestController
class ProfileController {

    private final ProfileService profiles;

    ProfileController(ProfileService profiles) {
        this.profiles = profiles;
    }

    record PreferredNameChange(@NotNull @ValidPreferredName String preferredName) {
    }

    @GetMapping("/api/v1/profile")
    Mono<Profile> get(@AuthenticationPrincipal Jwt jwt) {
        return profiles.get(UUID.fromString(jwt.getSubject()));
    }

    @PatchMapping("/api/v1/profile")
    Mono<Profile> change(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody PreferredNameChange change) {
        return profiles.changePreferredName(UUID.fromString(jwt.getSubject()),
                PreferredName.clean(change.preferredName()).orElseThrow());
    }

    @DeleteMapping("/api/v1/profile")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<Void> delete(@AuthenticationPrincipal Jwt jwt) {
        return profiles.delete(UUID.fromString(jwt.getSubject()));
    }
}
