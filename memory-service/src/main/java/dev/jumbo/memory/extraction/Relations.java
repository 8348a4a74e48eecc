package dev.jumbo.memory.extraction;

import java.util.Set;

/** The category and consolidation kind of each (subject, relation). */
public final class Relations {

    public static final String USER = "user";

    public static final Set<String> CATEGORIES = Set.of("relationships", "pets", "work", "school", "places",
            "preferences", "health", "dates", "plans", "other");

    /** People whose name is one person at a time; other people subjects collect names. */
    private static final Set<String> SINGLE_NAMED = Set.of("mom", "dad", "partner", "wife", "husband", "girlfriend",
            "boyfriend", "fiancé", "fiancée", "spouse", "boss", "best friend", "manager");

    private Relations() {
    }

    public record Spec(String category, FactKind kind) {
    }

    public static Spec spec(String subject, String relation) {
        boolean user = USER.equals(subject);
        boolean pet = Subjects.isPet(subject) || "pets".equals(subject);
        if (subject.startsWith("favourite ")) {
            return new Spec("preferences", FactKind.SINGLE);
        }
        return switch (relation) {
            case "lives_in", "from" -> new Spec(user ? "places" : pet ? "pets" : "relationships", FactKind.SINGLE);
            case "works_at", "works_as" -> new Spec(user ? "work" : "relationships", FactKind.SINGLE);
            case "studies_at", "studies" -> new Spec(user ? "school" : "relationships", FactKind.SINGLE);
            case "likes", "dislikes" -> new Spec("preferences", FactKind.ADDITIVE);
            case "allergic_to", "condition" -> new Spec("health", FactKind.ADDITIVE);
            case "diet" -> new Spec("health", FactKind.SINGLE);
            case "birthday", "anniversary" -> new Spec(user ? "dates" : "relationships", FactKind.SINGLE);
            case "plans" -> new Spec("plans", FactKind.DISTINCT);
            case "has" -> new Spec(pet ? "pets" : "relationships", FactKind.ADDITIVE);
            case "name" -> new Spec(pet ? "pets" : "relationships",
                    SINGLE_NAMED.contains(subject) ? FactKind.SINGLE : FactKind.ADDITIVE);
            default -> new Spec("other", FactKind.SINGLE);
        };
    }
}
