package dev.jumbo.memory.recall;

import dev.jumbo.memory.extraction.Relations;
import dev.jumbo.memory.extraction.Subjects;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a memory question asks after: the subjects whose memories answer it ("my dog" → dog; "my partner" →
 * partner, wife, husband…) and, when the question says so, the relations ("where … live" → lives_in). A question
 * without a subject may still name someone ("What does Tom do?"): {@code names} holds its capitalised words after
 * the first, for recall to look up whose name they are. Without subjects the intent is empty: recall then tries the
 * names and falls back to hybrid search.
 */
public record QuestionIntent(Set<String> subjects, Set<String> relations, Set<String> names) {

    private static final Pattern CAPITALISED = Pattern.compile("(?<=\\s)\\p{Lu}\\p{Ll}+\\b");

    private static final String SUBJECT_WORDS = Subjects.PERSON_WORDS + "|" + Subjects.PET_WORDS + "|pets?";
    private static final Pattern MY_SUBJECT = Pattern.compile("\\bmy\\s+(?:(?:little|big|older|younger|baby|twin|"
            + "eldest|oldest|youngest|best|new|step)\\s+)?(" + SUBJECT_WORDS + ")\\b(?!-)");
    /** "Do I have any pets?", "What pets do I have?", "How many siblings do I have?" */
    private static final Pattern HAVE_SUBJECT = Pattern.compile("\\b(?:do|did)\\s+i\\s+(?:still\\s+)?have\\s+(?:any\\s+|a\\s+|an\\s+)?("
            + SUBJECT_WORDS + ")\\b|\\b(?:what|which|how\\s+many)\\s+(" + SUBJECT_WORDS + ")\\s+(?:do|did)\\s+i\\s+have\\b");
    private static final Pattern FAVOURITE = Pattern.compile("\\bfavou?rite\\s+([\\p{L}]+(?:\\s+[\\p{L}]+)?)");
    /** "Which film do I love most?", "What food do I like best?" */
    private static final Pattern LIKED_MOST = Pattern.compile("\\b(?:which|what)\\s+([\\p{L}]+(?:\\s+[\\p{L}]+)?)\\s+do\\s+i\\s+"
            + "(?:love|like|enjoy|prefer)\\s+(?:the\\s+)?(?:most|best)\\b");

    private static final List<Rule> RULES = List.of(
            new Rule("\\b(?:live|lives|living|moved|move|based|reside|resides|city|hometown)\\b", "lives_in", "from"),
            new Rule("\\b(?:from|grow up|grew up|originally)\\b", "from"),
            new Rule("\\bwhat\\s+(?:do|does|did)\\s+(?:i|my\\s+[\\p{L} ]+?|[\\p{L}]+)\\s+do\\b|\\bfor a living\\b|\\b(?:occupation|profession|career|role)\\b",
                    "works_as", "works_at"),
            new Rule("\\b(?:work|works|working|job|jobs|employer|company|employed|workplace|office)\\b", "works_at", "works_as"),
            new Rule("\\b(?:study|studies|studying|school|university|college|major|degree|student)\\b", "studies_at", "studies"),
            new Rule("\\b(?:names?|called|named|who\\s+(?:is|are|was|were))\\b|\\bwho's\\b", "name"),
            new Rule("\\b(?:birthday|birthdays|born|bday)\\b", "birthday"),
            new Rule("\\banniversary\\b", "anniversary"),
            new Rule("\\ballerg(?:y|ies|ic)\\b", "allergic_to"),
            new Rule("\\b(?:diet|vegetarian|vegan|eat|eating)\\b", "diet", "allergic_to"),
            new Rule("\\b(?:health|condition|conditions|medical)\\b", "condition", "allergic_to", "diet"),
            new Rule("\\b(?:hate|hates|dislike|dislikes|stand)\\b", "dislikes"),
            new Rule("\\b(?:like|likes|love|loves|enjoy|enjoys|into|hobby|hobbies|fan)\\b", "likes"),
            new Rule("\\b(?:plan|plans|planning|going|trip|travel|travelling|traveling|visit|visiting|vacation|holiday)\\b", "plans"));

    private record Rule(Pattern pattern, List<String> relations) {
        Rule(String regex, String... relations) {
            this(Pattern.compile(regex), List.of(relations));
        }
    }

    public boolean isEmpty() {
        return subjects.isEmpty();
    }

    public static QuestionIntent of(String question) {
        String q = question.toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("\\s+", " ");
        Matcher favourite = firstMatch(q, FAVOURITE, LIKED_MOST);
        if (favourite != null) {
            String thing = favourite.group(1).replaceAll("\\s+(?:is|are|was|again|now)$", "").trim();
            return new QuestionIntent(Subjects.answeringFavourite(thing), Set.of("is"), Set.of());
        }
        Set<String> relations = new LinkedHashSet<>();
        for (Rule rule : RULES) {
            if (rule.pattern().matcher(q).find()) {
                relations.addAll(rule.relations());
            }
        }
        String word = subjectWord(q);
        if (word != null) {
            String subject = word.startsWith("pet") ? "pets" : Subjects.canonical(word);
            Set<String> subjects = new LinkedHashSet<>(Subjects.answering(subject));
            if ("pets".equals(subject)) {
                subjects.add("pets");
            }
            Set<String> personRelations = new LinkedHashSet<>(relations);
            personRelations.removeAll(Set.of("likes", "dislikes", "plans", "diet", "condition"));
            return new QuestionIntent(subjects, personRelations, Set.of());
        }
        Set<String> userRelations = new LinkedHashSet<>(relations);
        userRelations.remove("name");
        if (userRelations.isEmpty() || !mentionsUser(q)) {
            return new QuestionIntent(Set.of(), relations, names(question));
        }
        return new QuestionIntent(Set.of(Relations.USER), userRelations, Set.of());
    }

    /** "What does Tom do?" → Tom: capitalised words after the first ("What", "Where" start every question). */
    private static Set<String> names(String question) {
        Set<String> names = new LinkedHashSet<>();
        CAPITALISED.matcher(question).results().map(MatchResult::group).filter(word -> !word.equals("I"))
                .forEach(names::add);
        return names;
    }

    private static Matcher firstMatch(String q, Pattern... patterns) {
        for (Pattern pattern : patterns) {
            Matcher matcher = pattern.matcher(q);
            if (matcher.find()) {
                return matcher;
            }
        }
        return null;
    }

    /** The person or pet the question asks about ("my sister", "do I have any pets"), or null. */
    private static String subjectWord(String q) {
        Matcher my = MY_SUBJECT.matcher(q);
        if (my.find()) {
            return my.group(1);
        }
        Matcher have = HAVE_SUBJECT.matcher(q);
        if (have.find()) {
            return have.group(1) != null ? have.group(1) : have.group(2);
        }
        return null;
    }

    private static boolean mentionsUser(String q) {
        return q.matches(".*\\b(?:i|i'm|me|my|i've|i'd|am)\\b.*");
    }
}
