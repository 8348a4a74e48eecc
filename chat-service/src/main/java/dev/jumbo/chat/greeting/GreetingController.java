package dev.jumbo.chat.greeting;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class GreetingController {

    private final GreetingService greetings;

    GreetingController(GreetingService greetings) {
        this.greetings = greetings;
    }

    @GetMapping("/api/v1/chat/greeting")
    Mono<Greeting> greeting(@AuthenticationPrincipal Jwt jwt) {
        return greetings.greet(jwt.getSubject(), jwt.getClaimAsString("username"));
    }
}
