package dev.jumbo.chat.greeting;

import dev.jumbo.chat.users.ChatUsers;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Greets a user by the name they chose, or — until they told Jumbo — by their account's username while asking
 * what to call them (the next message is then read as a possible bare name).
 */
@Service
public class GreetingService {

    static final String ASK_WITH_USERNAME =
            "Hey %s! I noticed your name from your account, but I'd love to know—what should I call you?";
    static final String ASK_WITHOUT_USERNAME = "Hey there! I'd love to know—what should I call you?";
    static final List<String> WELCOME_BACK = List.of(
            "Hey %s, welcome back!", "Good to see you again, %s!", "Hi %s! How have you been?",
            "Welcome back, %s—what's on your mind today?", "Hey %s! Nice to have you here again.",
            "%s! Good to see you. How's it going?");

    private final ChatUsers users;

    public GreetingService(ChatUsers users) {
        this.users = users;
    }

    public Mono<Greeting> greet(String userId, String usernameFromToken) {
        return users.findOrCreate(userId, usernameFromToken).flatMap(user -> {
            if (user.preferredName() != null) {
                String line = WELCOME_BACK.get(ThreadLocalRandom.current().nextInt(WELCOME_BACK.size()));
                return Mono.just(new Greeting(line.formatted(user.preferredName()), false));
            }
            String message = user.username() == null ? ASK_WITHOUT_USERNAME : ASK_WITH_USERNAME.formatted(user.username());
            return users.setAwaitingName(userId, true).thenReturn(new Greeting(message, true));
        });
    }
}
