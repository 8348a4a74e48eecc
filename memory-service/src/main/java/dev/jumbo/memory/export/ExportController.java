package dev.jumbo.memory.export;

import dev.jumbo.memory.memories.MemoryRepository;
import dev.jumbo.memory.memories.MemoryView;
import dev.jumbo.memory.mood.MoodEntry;
import dev.jumbo.memory.mood.MoodRepository;
import java.security.Principal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Everything memory-service holds about the caller, for auth-service's export (internal, not routed by the gateway). */
@RestController
class ExportController {

    private final MemoryRepository memories;
    private final MoodRepository moods;

    ExportController(MemoryRepository memories, MoodRepository moods) {
        this.memories = memories;
        this.moods = moods;
    }

    record Export(List<MemoryView> memories, List<MoodEntry> moods) {
    }

    @GetMapping("/internal/v1/export")
    Mono<Export> export(Principal principal) {
        String user = principal.getName();
        Mono<List<MemoryView>> all = memories.allForUser(user)
                .concatMap(memory -> memories.history(memory.id()).collectList().map(h -> MemoryView.of(memory, h)))
                .collectList();
        return Mono.zip(all, moods.all(user).collectList()).map(both -> new Export(both.getT1(), both.getT2()));
    }
}
