package dev.jumbo.memory.recall;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Internal recall API for chat-service (not routed by the gateway); called with the user's own access token. */
@RestController
class RecallController {

    private final RecallService recall;

    RecallController(RecallService recall) {
        this.recall = recall;
    }

    record RecallRequest(@NotBlank @Size(max = 1000) String question, @Min(1) @Max(50) Integer limit) {
    }

    record RecallResponse(List<RecallService.Recalled> memories) {
    }

    @PostMapping("/internal/v1/recall")
    Mono<RecallResponse> recall(Principal principal, @Valid @RequestBody RecallRequest request) {
        int limit = request.limit() == null ? 5 : request.limit();
        return recall.recall(principal.getName(), request.question(), limit).map(RecallResponse::new);
    }
}
