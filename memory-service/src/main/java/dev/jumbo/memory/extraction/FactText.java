package dev.jumbo.memory.extraction;

import java.util.List;

/** Renders a fact as the sentence a memory carries ("User's sister lives in Paris"). */
public final class FactText {

    private FactText() {
    }

    public static String render(String subject, String relation, List<String> values, boolean negated, String detail) {
        String list = join(values);
        boolean user = Relations.USER.equals(subject);
        String owner = user ? "User" : "User's " + subject;
        boolean plural = values.size() > 1 || Subjects.isPlural(subject);
        if (negated) {
            return negatedText(owner, user, relation, list);
        }
        if ("pets".equals(subject) && "has".equals(relation)) {
            return "User has " + list;
        }
        if (subject.startsWith("favourite ")) {
            return "User's " + subject + (values.size() > 1 ? " are " : " is ") + list;
        }
        return switch (relation) {
            case "lives_in" -> owner + (Subjects.isPlural(subject) ? " live in " : " lives in ") + list;
            case "from" -> owner + (user ? " is from " : Subjects.isPlural(subject) ? " are from " : " is from ") + list;
            case "works_at" -> owner + (Subjects.isPlural(subject) ? " work at " : " works at ") + list;
            case "works_as" -> owner + (Subjects.isPlural(subject) ? " work as " : " works as ") + withArticle(list);
            case "studies_at" -> owner + " studies at " + list;
            case "studies" -> owner + " studies " + list;
            case "likes" -> owner + " likes " + list;
            case "dislikes" -> owner + " dislikes " + list;
            case "allergic_to" -> owner + " is allergic to " + list;
            case "condition" -> owner + " has " + list;
            case "diet" -> owner + " is " + list;
            case "birthday" -> owner + "'s birthday is " + list;
            case "anniversary" -> owner + "'s anniversary is " + list;
            case "plans" -> owner + " is " + (detail == null ? "going to " + list : detail);
            case "has" -> owner + " has " + list;
            case "name" -> nameText(subject, values, plural, list);
            default -> owner + " " + relation.replace('_', ' ') + " " + list;
        };
    }

    private static String nameText(String subject, List<String> values, boolean plural, String list) {
        if (Subjects.isPet(subject)) {
            String animals = values.size() > 1 ? pluralOf(subject) : subject;
            return "User's " + animals + (values.size() > 1 ? " are called " : " is called ") + list;
        }
        if ("friends".equals(subject) || "coworkers".equals(subject) || "children".equals(subject)
                || "siblings".equals(subject) || "parents".equals(subject) || "grandparents".equals(subject)) {
            return "User's " + subject + (values.size() > 1 ? " are " : " include ") + list;
        }
        if (values.size() > 1) {
            return "User's " + pluralOf(subject) + " are " + list;
        }
        return "User's " + subject + " is " + list;
    }

    private static String negatedText(String owner, boolean user, String relation, String list) {
        String verbSuffix = "s";
        return switch (relation) {
            case "lives_in" -> owner + " no longer live" + verbSuffix + " in " + list;
            case "works_at" -> owner + " no longer work" + verbSuffix + " at " + list;
            case "works_as" -> owner + " no longer work" + verbSuffix + " as " + withArticle(list);
            case "studies_at" -> owner + " no longer studies at " + list;
            case "allergic_to" -> owner + " is no longer allergic to " + list;
            case "diet" -> owner + " is no longer " + list;
            case "likes" -> owner + " no longer likes " + list;
            default -> owner + " no longer " + relation.replace('_', ' ') + " " + list;
        };
    }

    static String pluralOf(String noun) {
        if (noun.endsWith("s") || noun.endsWith("sh") || noun.endsWith("ch")) {
            return noun.endsWith("fish") ? noun : noun + "es";
        }
        return noun + "s";
    }

    static String withArticle(String role) {
        if (role.isEmpty()) {
            return role;
        }
        char first = Character.toLowerCase(role.charAt(0));
        return ("aeiou".indexOf(first) >= 0 ? "an " : "a ") + role;
    }

    /** "A", "A and B", "A, B and C". */
    public static String join(List<String> values) {
        if (values.isEmpty()) {
            return "";
        }
        if (values.size() == 1) {
            return values.get(0);
        }
        return String.join(", ", values.subList(0, values.size() - 1)) + " and " + values.get(values.size() - 1);
    }
}
