package dev.jumbo.chat.conversation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A page of a list, as API.md fixes it: items and the opaque cursor of the next page (null at the end). */
public record Page<T>(List<T> items, @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {
}
