package dev.jumbo.memory.extraction;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Canonical names of the people and pets a user talks about, and which subjects answer a question about one. */
public final class Subjects {

    static final String PERSON_WORDS = "best friends?|friends?|partners?|wife|husband|girlfriend|boyfriend|fianc[ée]e?|spouse"
            + "|mom|mum|mommy|mother|dad|daddy|father|parents|sisters?|brothers?|siblings|sons?|daughters?|kids|children|child"
            + "|co-?workers?|colleagues?|boss|manager|grandma|grandmother|granny|grandpa|grandfather|grandparents"
            + "|aunt|uncle|cousins?|roommates?|flatmates?|neighbou?rs?";

    static final String PET_WORDS = "dogs?|pupp(?:y|ies)|cats?|kittens?|rabbits?|bunn(?:y|ies)|hamsters?|parrots?|birds?"
            + "|fish|turtles?|tortoises?|horses?|guinea pigs?|snakes?|lizards?|ferrets?|geckos?";

    private static final Map<String, String> CANONICAL = Map.ofEntries(
            Map.entry("friend", "friends"), Map.entry("best friends", "best friend"),
            Map.entry("partners", "partner"), Map.entry("fiance", "fiancé"), Map.entry("fiancee", "fiancée"),
            Map.entry("mum", "mom"), Map.entry("mommy", "mom"), Map.entry("mother", "mom"),
            Map.entry("daddy", "dad"), Map.entry("father", "dad"),
            Map.entry("sisters", "sister"), Map.entry("brothers", "brother"), Map.entry("sons", "son"),
            Map.entry("daughters", "daughter"), Map.entry("kids", "children"), Map.entry("child", "children"),
            Map.entry("coworker", "coworkers"), Map.entry("co-worker", "coworkers"), Map.entry("co-workers", "coworkers"),
            Map.entry("colleague", "coworkers"), Map.entry("colleagues", "coworkers"),
            Map.entry("grandmother", "grandma"), Map.entry("granny", "grandma"), Map.entry("grandfather", "grandpa"),
            Map.entry("cousins", "cousin"), Map.entry("roommates", "roommate"), Map.entry("flatmate", "roommate"),
            Map.entry("flatmates", "roommate"), Map.entry("neighbours", "neighbor"), Map.entry("neighbour", "neighbor"),
            Map.entry("neighbors", "neighbor"),
            Map.entry("dogs", "dog"), Map.entry("puppy", "dog"), Map.entry("puppies", "dog"), Map.entry("cats", "cat"),
            Map.entry("kitten", "cat"), Map.entry("kittens", "cat"), Map.entry("rabbits", "rabbit"), Map.entry("bunny", "rabbit"),
            Map.entry("bunnies", "rabbit"), Map.entry("hamsters", "hamster"), Map.entry("parrots", "parrot"),
            Map.entry("birds", "bird"), Map.entry("turtles", "turtle"), Map.entry("tortoises", "tortoise"),
            Map.entry("horses", "horse"), Map.entry("guinea pigs", "guinea pig"), Map.entry("snakes", "snake"),
            Map.entry("lizards", "lizard"), Map.entry("ferrets", "ferret"), Map.entry("geckos", "gecko"));

    private static final Set<String> PETS = Set.of("dog", "cat", "rabbit", "hamster", "parrot", "bird", "fish", "turtle",
            "tortoise", "horse", "guinea pig", "snake", "lizard", "ferret", "gecko");
    private static final Set<String> PARTNER = Set.of("partner", "wife", "husband", "girlfriend", "boyfriend", "fiancé",
            "fiancée", "spouse");
    private static final Set<String> PLURAL = Set.of("friends", "parents", "siblings", "children", "coworkers", "grandparents");

    private Subjects() {
    }

    public static String canonical(String word) {
        String lower = word.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
        return CANONICAL.getOrDefault(lower, lower);
    }

    public static boolean isPet(String subject) {
        return PETS.contains(subject);
    }

    public static boolean isPartner(String subject) {
        return PARTNER.contains(subject);
    }

    public static boolean isPlural(String subject) {
        return PLURAL.contains(subject);
    }

    /** Every stored subject that a question about {@code subject} is asking after. */
    public static Set<String> answering(String subject) {
        Set<String> subjects = new LinkedHashSet<>();
        subjects.add(subject);
        switch (subject) {
            case "friends" -> subjects.add("best friend");
            case "parents" -> subjects.addAll(Set.of("mom", "dad"));
            case "mom", "dad" -> subjects.add("parents");
            case "siblings" -> subjects.addAll(Set.of("sister", "brother"));
            case "children" -> subjects.addAll(Set.of("son", "daughter"));
            case "grandparents" -> subjects.addAll(Set.of("grandma", "grandpa"));
            case "pets", "pet" -> subjects.addAll(PETS);
            default -> {
                if (isPartner(subject)) {
                    subjects.addAll(PARTNER);
                }
            }
        }
        return subjects;
    }
}
