package dev.jumbo.chat.engine;

import java.util.List;
import java.util.Map;

/** The builtin engine's phrasings: acknowledgements by mood, follow-up questions by topic and feeling. */
final class Phrasings {

    /** How a feeling colours the situation: "That sounds exhausting but rewarding." */
    static final Map<String, String> SITUATION = Map.ofEntries(
            Map.entry("tired", "exhausting"), Map.entry("exhausted", "exhausting"), Map.entry("proud", "rewarding"),
            Map.entry("nervous", "nerve-racking"), Map.entry("anxious", "nerve-racking"), Map.entry("worried", "worrying"),
            Map.entry("excited", "exciting"), Map.entry("eager", "exciting"), Map.entry("happy", "lovely"),
            Map.entry("joyful", "wonderful"), Map.entry("stressed", "stressful"), Map.entry("overwhelmed", "overwhelming"),
            Map.entry("sad", "hard"), Map.entry("lonely", "lonely"), Map.entry("relieved", "like a relief"),
            Map.entry("hopeful", "hopeful"), Map.entry("optimistic", "hopeful"), Map.entry("grateful", "heartwarming"),
            Map.entry("angry", "infuriating"), Map.entry("furious", "infuriating"), Map.entry("frustrated", "frustrating"),
            Map.entry("annoyed", "annoying"), Map.entry("disappointed", "disappointing"), Map.entry("scared", "scary"),
            Map.entry("bored", "dull"), Map.entry("calm", "peaceful"), Map.entry("peaceful", "peaceful"),
            Map.entry("relaxed", "restful"), Map.entry("content", "nice"), Map.entry("loving", "sweet"),
            Map.entry("amused", "fun"), Map.entry("embarrassed", "awkward"), Map.entry("grieving", "heartbreaking"),
            Map.entry("heartbroken", "heartbreaking"), Map.entry("guilty", "heavy"), Map.entry("confused", "confusing"),
            Map.entry("surprised", "surprising"), Map.entry("confident", "encouraging"), Map.entry("sorry", "heavy"),
            Map.entry("disgusted", "awful"), Map.entry("jealous", "tough"), Map.entry("hurt", "painful"),
            Map.entry("admiring", "inspiring"), Map.entry("approving", "good"), Map.entry("thrilled", "thrilling"),
            Map.entry("motivated", "motivating"), Map.entry("disapproving", "off"), Map.entry("caring", "kind"), Map.entry("curious", "interesting"));

    static final List<String> MIXED = List.of(
            "That sounds %s but %s.",
            "%s and %s at the same time—that's quite a mix.",
            "Sounds like it's been %s, but also %s.",
            "What a mix: %s, and %s too.",
            "I can hear both sides of it—%s, yet %s.");

    static final List<String> POSITIVE = List.of(
            "That sounds %s!",
            "I love hearing that—it sounds %s.",
            "Oh, that's %s to hear!",
            "How %s!",
            "That really does sound %s.",
            "That makes me smile—it sounds %s.");

    static final List<String> NEGATIVE = List.of(
            "I'm sorry, that sounds %s.",
            "That sounds really %s—I'm here with you.",
            "Oof, that's %s.",
            "That must be %s, and it makes sense you feel this way.",
            "I hear you; that sounds %s.",
            "That's a lot to carry, and it sounds %s.");

    static final Map<String, List<String>> FEELING_ACKNOWLEDGEMENTS = Map.of(
            "lonely", List.of("Feeling lonely is hard, especially when someone close isn't around.",
                    "I'm sorry you're feeling lonely—I'm glad you told me."),
            "furious", List.of("That would make me furious too.", "Anyone would be furious about that."),
            "angry", List.of("That would make anyone angry.", "No wonder you're angry."),
            "grateful", List.of("That means a lot—thank you for saying so.", "I'm really glad it helped."),
            "bored", List.of("A whole stretch with nothing to do can drag on.", "Boredom can be surprisingly draining."),
            "calm", List.of("A calm day sounds lovely.", "That sounds wonderfully peaceful."));

    static final List<String> NEUTRAL = List.of(
            "Got it.", "I hear you.", "Thanks for telling me.", "Okay, I'm with you.", "Mm, I see.", "Tell me more.");

    static final Map<String, List<String>> POSITIVE_QUESTIONS = Map.of(
            "work", List.of("What's been your biggest win this week?", "What part of it are you proudest of?",
                    "How are you going to celebrate?", "What made it come together in the end?"),
            "family", List.of("What are you most looking forward to with them?", "How's everyone doing?",
                    "What's your favourite thing to do together?"),
            "relationships", List.of("How did it all happen?", "What do you love most about them?",
                    "What are you two planning next?"),
            "friends", List.of("What did you get up to together?", "Who won?", "How long have you known them?"),
            "health", List.of("How are you feeling after it?", "What keeps you going with it?",
                    "What's your next goal?"),
            "hobbies", List.of("What got you into it?", "What are you working on right now?",
                    "What's the best part of it for you?"),
            "school", List.of("Which class are you enjoying most?", "What's next on your list?",
                    "How did you prepare?"),
            "money", List.of("What are you saving towards?", "What will you do to treat yourself?",
                    "How does it feel to have that sorted?"),
            "daily life", List.of("What made today feel good?", "What's the rest of your day looking like?",
                    "What's one small thing that made it nice?"));

    static final Map<String, List<String>> NEGATIVE_QUESTIONS = Map.of(
            "work", List.of("What's been the hardest part at work?", "Is there anything at work you could take off your plate?",
                    "How are you holding up with it all?", "Is there someone at work you can talk to about it?"),
            "family", List.of("How are things between you and them right now?", "What's weighing on you most about it?",
                    "Is there someone in the family you can lean on?"),
            "relationships", List.of("How are you two doing right now?", "What do you wish they understood?",
                    "What would help most right now?"),
            "friends", List.of("Do you think you'll reach out to them?", "What do you miss most about spending time together?",
                    "How long has it felt like this?"),
            "health", List.of("Have you been able to rest it?", "Is it getting any better?",
                    "Have you talked to a doctor about it?"),
            "hobbies", List.of("What usually helps you get back into it?", "What's been getting in the way?",
                    "Is there a smaller version of it you could enjoy today?"),
            "school", List.of("Which part worries you most?", "How are you preparing?", "Is there anyone who can help you study?"),
            "money", List.of("What's the biggest pressure on your budget right now?", "Is there one cost you could cut?",
                    "How long has money felt this tight?"),
            "daily life", List.of("What would make the rest of the day a bit easier?", "What do you need most right now?",
                    "How are you taking care of yourself today?"));

    static final Map<String, List<String>> FEELING_QUESTIONS = Map.of(
            "tired", List.of("Will you get some time to rest soon?", "What would help you recharge?"),
            "exhausted", List.of("Will you get some time to rest soon?", "What would help you recharge?"),
            "lonely", List.of("Who's someone you could reach out to this week?", "What do you miss most about them?"),
            "stressed", List.of("What's weighing on you the most?", "What's one thing that could lighten the load?"),
            "overwhelmed", List.of("What's one thing you could set down for now?", "Where would you like to start?"),
            "bored", List.of("What's something you've been meaning to try?", "What usually sparks your interest?"),
            "nervous", List.of("Want to talk through what you're expecting?", "What would help you feel more ready?"),
            "anxious", List.of("What's the part you keep coming back to?", "What would help you feel more settled?"),
            "disappointed", List.of("What were you looking forward to most?", "What do you think threw you off?"),
            "grateful", List.of("What helped the most?", "How are you feeling today?"));

    static final List<String> GENERIC_QUESTIONS = List.of(
            "How are you feeling about it?", "What's on your mind most right now?", "Want to tell me more?",
            "What happened next?", "How has the rest of your day been?", "What would make today a good day?",
            "What's been on your mind lately?", "How do you feel about that?");

    static final List<String> NAME_GREETINGS = List.of(
            "Nice to meet you, %s!", "Lovely to meet you, %s!", "%s it is—great to meet you!",
            "Got it, %s! Really nice to meet you.");

    static final List<String> NAME_CHANGES = List.of(
            "Sure thing, %s—I'll call you that from now on.", "%s it is!", "Noted, %s!");

    static final List<String> FIRST_QUESTIONS = List.of(
            "How's your day going so far?", "What's on your mind today?", "How are you feeling today?",
            "What have you been up to?");

    static final List<String> RECALL_EMPTY = List.of(
            "I don't think you've told me yet—want to tell me now?",
            "Hmm, I don't think you've told me about that yet. I'd love to hear!",
            "You haven't told me that yet, as far as I know—what should I remember?");

    static final List<String> RECALL_UNAVAILABLE = List.of(
            "I can't recall that right now, sorry—could you remind me?",
            "Sorry, my memory isn't answering right now. Can you tell me again?",
            "I can't reach my memories right now—would you remind me?");

    private Phrasings() {
    }
}
