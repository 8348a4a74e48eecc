package dev.jumbo.chat.engine;

import dev.jumbo.chat.mood.MoodAnalyzer;
import dev.jumbo.chat.topic.TopicDetector;
import reactor.core.publisher.Mono;

/** The default engine: GoEmotions model + lexicons for the summary, composed phrasings for the reply. */
public class BuiltinConversationEngine implements ConversationEngine {

    private final MoodAnalyzer moods;
    private final TopicDetector topics;
    private final SummaryWriter summaries = new SummaryWriter();
    private final ReplyComposer replies = new ReplyComposer();

    public BuiltinConversationEngine(MoodAnalyzer moods, TopicDetector topics) {
        this.moods = moods;
        this.topics = topics;
    }

    @Override
    public Mono<Summary> summarize(SummaryRequest request) {
        return Mono.just(summaryOf(request));
    }

    @Override
    public Mono<Reply> respond(ReplyRequest request) {
        return Mono.just(replies.compose(request));
    }

    Summary summaryOf(SummaryRequest request) {
        Mood mood = moods.analyze(request.text());
        var found = topics.detect(request.text());
        return new Summary(summaries.write(request, found, mood), found, mood);
    }
}
