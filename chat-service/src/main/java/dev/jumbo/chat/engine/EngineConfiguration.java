package dev.jumbo.chat.engine;

import dev.jumbo.chat.mood.MoodAnalyzer;
import dev.jumbo.chat.mood.MoodModel;
import dev.jumbo.chat.name.NameDetector;
import dev.jumbo.chat.recall.RecallQuestionDetector;
import dev.jumbo.chat.topic.TopicDetector;
import dev.jumbo.llm.LlmClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine and its parts; the mood model's weights load once at startup. The builtin engine is always built
 * (it is the LLM engine's fallback); the LLM engine wraps it when {@code JUMBO_ENGINE} made an {@link LlmClient}.
 */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

    @Bean
    MoodModel moodModel() {
        return MoodModel.load();
    }

    @Bean
    MoodAnalyzer moodAnalyzer(MoodModel model) {
        return new MoodAnalyzer(model);
    }

    @Bean
    TopicDetector topicDetector() {
        return new TopicDetector();
    }

    @Bean
    ConversationEngine conversationEngine(MoodAnalyzer moods, TopicDetector topics, ObjectProvider<LlmClient> llm) {
        ConversationEngine builtin = new BuiltinConversationEngine(moods, topics);
        LlmClient client = llm.getIfAvailable();
        return client == null ? builtin : new LlmConversationEngine(builtin, client);
    }

    @Bean
    NameDetector nameDetector() {
        return new NameDetector();
    }

    @Bean
    RecallQuestionDetector recallQuestionDetector() {
        return new RecallQuestionDetector();
    }
}
