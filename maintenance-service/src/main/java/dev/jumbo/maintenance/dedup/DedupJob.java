package dev.jumbo.maintenance.dedup;

import dev.jumbo.maintenance.jobs.Job;
import dev.jumbo.maintenance.jobs.JobOutcome;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code dedup}: every user with active memories, one transaction per user. */
@Component
class DedupJob implements Job {

    private final Deduplicator deduplicator;

    DedupJob(Deduplicator deduplicator) {
        this.deduplicator = deduplicator;
    }

    @Override
    public String name() {
        return "dedup";
    }

    @Override
    public JobOutcome run(Map<String, String> parameters) {
        long[] users = {0};
        Deduplicator.Result total = deduplicator.users()
                .concatMap(user -> {
                    users[0]++;
                    return deduplicator.dedupUser(user);
                })
                .reduce(Deduplicator.Result.NONE, Deduplicator.Result::plus)
                .block();
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("users", users[0]);
        stats.put("pairsFound", total.pairsFound());
        stats.put("merged", total.merged());
        stats.put("skipped", total.skipped());
        return new JobOutcome(total.merged(), stats);
    }
}
