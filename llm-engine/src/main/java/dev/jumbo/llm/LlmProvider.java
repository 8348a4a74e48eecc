package dev.jumbo.llm;

import java.util.List;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;

/** A provider's Spring AI chat model and how a request becomes its prompt (JSON mode, temperature). */
public abstract class LlmProvider {

    private final String name;
    private final ChatModel model;

    protected LlmProvider(String name, ChatModel model) {
        this.name = name;
        this.model = model;
    }

    /** {@code openai} or {@code ollama}: the {@code provider} tag of the metrics. */
    public String name() {
        return name;
    }

    public ChatModel model() {
        return model;
    }

    public Prompt prompt(LlmRequest request) {
        List<Message> messages = List.of(new SystemMessage(request.prompt().system()),
                new UserMessage(request.prompt().user()));
        return new Prompt(messages, options(request));
    }

    protected abstract ChatOptions options(LlmRequest request);
}
