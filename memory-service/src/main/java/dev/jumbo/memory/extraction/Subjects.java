package dev.jumbo.memory.extraction;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Canonical names of the people and pets a user talks about, and which subjects answer a question about one. */
public final class Subjects {

    public static final String PERSON_WORDS = "best friends?|besties?|bffs?|friends?|buddy|buddies|pals?|partners?|wife|husband"
            + "|girlfriend|boyfriend|gf|bf|hubby|wifey|fianc[ée]e?|spouse"
            + "|mom|mum|mommy|mother|dad|daddy|father|parents|sisters?|brothers?|siblings|sons?|daughters?|kids|children|child"
            + "|co-?workers?|colleagues?|boss|manager|grandma|grandmother|granny|grandpa|grandfather|grandparents"
            + "|aunt|uncle|cousins?|roommates?|flatmates?|neighbou?rs?";

    public static final String PET_WORDS = "dogs?|pupp(?:y|ies)|cats?|kittens?|rabbits?|bunn(?:y|ies)|hamsters?|parrots?|birds?"
            + "|fish|turtles?|tortoises?|horses?|guinea pigs?|snakes?|lizards?|ferrets?|geckos?";

    private static final Map<String, String> CANONICAL = Map.ofEntries(
            Map.entry("friend", "friends"), Map.entry("best friends", "best friend"),
            Map.entry("bestie", "best friend"), Map.entry("besties", "best friend"), Map.entry("bff", "best friend"),
            Map.entry("bffs", "best friend"), Map.entry("buddy", "friends"), Map.entry("buddies", "friends"),
            Map.entry("pal", "friends"), Map.entry("pals", "friends"), Map.entry("gf", "girlfriend"),
            Map.entry("bf", "boyfriend"), Map.entry("hubby", "husband"), Map.entry("wifey", "wife"),
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

    /** The things of "my favourite X" that name the same thing: a question about the film finds the movie. */
    private static final Map<String, String> FAVOURITE_THINGS = Map.ofEntries(
            Map.entry("film", "movie"), Map.entry("films", "movie"), Map.entry("movies", "movie"),
            Map.entry("books", "book"), Map.entry("novel", "book"), Map.entry("novels", "book"),
            Map.entry("songs", "song"), Map.entry("tune", "song"), Map.entry("track", "song"),
            Map.entry("color", "colour"), Map.entry("colors", "colour"), Map.entry("colours", "colour"),
            Map.entry("foods", "food"), Map.entry("dish", "food"), Map.entry("meal", "food"),
            Map.entry("drinks", "drink"), Map.entry("beverage", "drink"),
            Map.entry("tv show", "show"), Map.entry("tv series", "show"), Map.entry("series", "show"),
            Map.entry("shows", "show"), Map.entry("sports", "sport"), Map.entry("games", "game"),
            Map.entry("bands", "band"), Map.entry("animals", "animal"), Map.entry("singers", "singer"),
            Map.entry("artists", "artist"), Map.entry("authors", "author"), Map.entry("writer", "author"),
            Map.entry("flowers", "flower"), Map.entry("cities", "city"), Map.entry("places", "place"));
    private static final String FAVOURITE = "favourite ";

    private static final Set<String> PETS = Set.of("dog", "cat", "rabbit", "hamster", "parrot", "bird", "fish", "turtle",
            "tortoise", "horse", "guinea pig", "snake", "lizard", "ferret", "gecko");
    private static final Set<String> PARTNER = Set.of("partner", "wife", "husband", "girlfriend", "boyfriend", "fiancé",
            "fiancée", "spouse");
    private static final Set<String> PLURAL = Set.of("friends", "parents", "siblings", "children", "coworkers", "grandparents");

    private Subjects() {
    }

    public static String canonical(String word) {
        String lower = word.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
        if (lower.startsWith(FAVOURITE)) {
            String thing = lower.substring(FAVOURITE.length());
            return FAVOURITE + FAVOURITE_THINGS.getOrDefault(thing, thing);
        }
        return CANONICAL.getOrDefault(lower, lower);
    }

    /**
     * Every stored subject a question about "my favourite {@code thing}" is asking after: the canonical one, and each
     * synonym, which memories stored before the synonyms were merged may still carry.
     */
    public static Set<String> answeringFavourite(String thing) {
        String canonical = canonical(FAVOURITE + thing);
        Set<String> subjects = new LinkedHashSet<>();
        subjects.add(canonical);
        subjects.add(FAVOURITE + thing.toLowerCase(Locale.ROOT).trim());
        FAVOURITE_THINGS.forEach((synonym, target) -> {
            if (canonical.equals(FAVOURITE + target)) {
                subjects.add(FAVOURITE + synonym);
            }
        });
        return subjects;
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
            case "boss" -> subjects.add("manager");
            case "manager" -> subjects.add("boss");
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
