package dev.jumbo.chat.engine;

import java.util.List;

/** The first step of a turn: what the user said (third person), its topics, and the mood. */
public record Summary(String text, List<String> topics, Mood mood) {

    public Summary {
        topics = List.copyOf(topics);
    }
}
