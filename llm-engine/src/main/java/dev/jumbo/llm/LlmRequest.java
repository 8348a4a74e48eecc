package dev.jumbo.llm;

/**
 * One call to the model.
 *
 * @param step   what the answer is for ({@code summarize}, {@code respond}, {@code extract-facts}): a metric tag
 * @param prompt the rendered prompt; built from one user's data only
 * @param json   the answer must be a JSON object (the provider's JSON mode is asked for)
 */
public record LlmRequest(String step, PromptTemplate.RenderedPrompt prompt, boolean json) {
}
