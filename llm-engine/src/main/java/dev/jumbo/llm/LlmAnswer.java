package dev.jumbo.llm;

/** What the model answered, with the token counts of its usage block (0 when the provider sent none). */
public record LlmAnswer(String text, long promptTokens, long completionTokens) {
}
