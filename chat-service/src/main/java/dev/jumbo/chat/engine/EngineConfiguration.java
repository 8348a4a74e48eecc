package dev.jumbo.chat.engine;

import dev.jumbo.chat.mood.MoodAnalyzer;
import dev.jumbo.chat.mood.MoodModel;
import dev.jumbo.chat.name.NameDetector;
import dev.jumbo.chat.recall.RecallQuestionDetector;
import dev.jumbo.chat.topic.TopicDetector;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The builtin engine and its parts; the mood model's weights load once at startup. */
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
    ConversationEngine conversationEngine(MoodAnalyzer moods, TopicDetector topics) {
        return new BuiltinConversationEngine(moods, topics);
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
