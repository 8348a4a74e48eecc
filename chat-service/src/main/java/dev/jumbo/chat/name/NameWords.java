package dev.jumbo.chat.name;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Words that are never taken as a stated name. */
final class NameWords {

    /** Function words and words that follow "call me" without being a name ("call me later"). */
    static final Set<String> NEVER = words("""
            i me my mine myself you your yours we us our they them their he him his she her it its it's this that these
            those a an the and or but nor so yet if then than as at by for from in into of off on onto out over to up
            with without about above after again against all am are is was were be been being have has had having do
            does did doing don't doesn't didn't can can't cannot could couldn't will won't would wouldn't shall should
            may might must not no nope yes yeah yep yup ok okay sure maybe perhaps just only very really too also still
            here there where when why what who whom whose which how whatever whoever anything something nothing
            everything anyone someone everyone nobody somebody later back anytime crazy sometime soon now never always
            today tonight tomorrow yesterday please thanks thank hi hello hey bye goodbye lol haha hmm um uh er well oh
            ah idk dunno know sure unsure guess think mean like want need going gonna wanna let lets let's i'm i've i'll
            i'd you're we're they're that's what's who's there's here's how's isn't aren't wasn't weren't haven't
            hasn't hadn't name names call called nickname whatever's
            """);

    /** Everyday answers that are not names: feelings, states, places, times, greetings. */
    static final Set<String> NOT_A_NAME = Stream.concat(NEVER.stream(), words("""
            good fine great tired exhausted sleepy bored happy sad angry mad upset excited nervous anxious stressed
            lonely calm relaxed okay alright cool awesome amazing bad terrible awful horrible meh busy sick ill better
            worse best worst nice lovely sorry glad proud scared afraid worried hungry thirsty hot cold warm confused
            lost done ready free late early new old young here home work school away outside inside back right wrong
            true false same different real fake true whatever nothing much nah thanks thankyou cheers welcome morning
            afternoon evening night day week weekend month year monday tuesday wednesday thursday friday saturday sunday
            january february march july september october november december
            spain france germany italy england britain uk usa america canada india china japan mexico brazil berlin
            london paris madrid rome tokyo york new delhi mumbai chennai city town country spanish french german
            italian english british american indian chinese japanese student teacher doctor nurse engineer human
            person guy girl boy man woman dude bro sir madam friend buddy mate user bot robot ai chatbot jumbo chat
            talk chatting talking chat question questions help stuff things thing fun interesting weird strange
            funny serious kidding hard easy long short difficult complicated simple unusual common boring joking test testing again wait stop start continue skip none nevermind never mind
            anonymous secret private nah nope yo sup hiya howdy
            """).stream()).collect(Collectors.toUnmodifiableSet());

    /** Filler around a bare answer to "what should I call you?" ("hmm, maybe Chris?", "harsha please"). */
    static final Set<String> FILLER = words("""
            hmm hm um umm uh er erm well oh ah so maybe perhaps just please pls plz it's its i'm im i am it is this
            call me you can could guess think probably how about actually honestly lol haha here hi hey hello
            thanks thank ok okay sure yeah yes
            """);

    private NameWords() {
    }

    private static Set<String> words(String text) {
        return Stream.of(text.trim().split("\\s+")).collect(Collectors.toUnmodifiableSet());
    }
}
