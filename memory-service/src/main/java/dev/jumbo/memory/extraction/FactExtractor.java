package dev.jumbo.memory.extraction;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built-in, deterministic fact extractor: rules over the user's own sentences about themselves
 * ("I …") and the people and pets they own ("my sister …"). Questions, hypotheticals and other people's
 * facts yield nothing; negations yield retractions ("I don't work at Google anymore").
 */
public class FactExtractor {

    private static final String ADVERBS = "(?:(?:just|recently|now|finally|also|still|currently|actually|really|"
            + "already|officially|happily|both|all)\\s+)*";
    private static final String BE = "(?:'m|'re|'s|\\s+am|\\s+is|\\s+are)";
    private static final String MODIFIER = "(?:(?:little|big|older|younger|baby|twin|eldest|oldest|youngest|new|step|"
            + "dear|lovely|two|three|four|elder|kid|awesome|amazing)\\s+)?";
    private static final String SUBJECT_WORDS = Subjects.PERSON_WORDS + "|" + Subjects.PET_WORDS;
    private static final String MONTHS = "january|february|march|april|may|june|july|august|september|october|"
            + "november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec";

    private static final Pattern ABBREVIATIONS = Pattern.compile("\\b(St|Dr|Mr|Mrs|Ms|Mt|Jr|Sr|Prof|Ave|Inc|Ltd|Co)\\.");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\n+");
    private static final Pattern CLAUSE_BREAK = Pattern.compile(
            "\\s*;\\s*|,?\\s+but\\s+|,?\\s+(?:because|since|although|though|so|and)\\s+(?=(?:I\\b|I'm|my\\s|My\\s))"
                    + "|,\\s*(?=(?:I\\b|I'm|I've|my\\s|My\\s|[Qq]uit\\b|[Jj]ust\\s))|\\s+-\\s+");
    private static final Set<String> QUESTION_STARTS = Set.of("what", "where", "who", "whom", "whose", "when", "why",
            "how", "which", "do", "does", "did", "can", "could", "would", "will", "is", "are", "am", "should", "have",
            "has", "remember", "tell", "recall");
    private static final Pattern HYPOTHETICAL = Pattern.compile(
            "(?i)\\b(?:if|wish|would|might|maybe|perhaps|hope|hoping|want to|wanna|dream|dreaming|imagine|pretend|"
                    + "someday|one day|should i|could)\\b");
    private static final Pattern NEGATION = Pattern.compile(
            "(?i)\\b(?:not|never|no longer|quit|quitting)\\b|n't\\b|\\bleft my job\\b|\\bstopped working\\b");

    // "my sister …", "my dog's name is …", "my friends Charvik and Devansh …"
    private static final Pattern MY_SUBJECT = Pattern.compile(
            "(?i)\\bmy\\s+" + MODIFIER + "(" + SUBJECT_WORDS + ")\\b(?!-)('s|s'|’s)?");
    // "I have two cats, Mochi and Pixel", "I have a dog called Biscuit", "I have a sister who lives in Rome"
    private static final Pattern I_HAVE = Pattern.compile(
            "(?i)\\bI\\s+(?:also\\s+|now\\s+|just\\s+)?(?:have|got|adopted|own|'ve got|have got)\\s+(a|an|one|two|three|four|five|\\d+|some|a new|a little|a new little)?\\s*"
                    + MODIFIER + "(" + SUBJECT_WORDS + ")\\b");
    private static final Pattern NAMED = Pattern.compile("(?i)^\\s*(?:,\\s*|\\s+)(?:(?:who\\s+(?:is|are|'s)\\s+)?(?:called|named)\\s+)?");

    private static final Pattern PRED_NAMED = Pattern.compile("(?i)^(?:is|are|'s|'re)\\s+" + ADVERBS + "(?:called|named)\\s+");
    private static final Pattern PRED_NAME_IS = Pattern.compile("(?i)^(?:'s\\s+)?names?\\s+(?:is|are)\\s+");
    private static final Pattern PRED_BE = Pattern.compile("(?i)^(?:is|are|'s|'re)\\s+" + ADVERBS);
    private static final Pattern PRED_LIVES = Pattern.compile(
            "(?i)^(?:(?:is|are|'s|'re|has|have)\\s+)?" + ADVERBS + "(?:lives?|living|moved|relocated|moving back)\\s+" + ADVERBS + "(?:back\\s+)?(?:in|to)\\s+");
    private static final Pattern PRED_WORKS_AT = Pattern.compile(
            "(?i)^(?:(?:is|are|'s|'re)\\s+)?" + ADVERBS + "(?:works?|working|employed)\\s+" + ADVERBS + "(?:at|for|by)\\s+");
    private static final Pattern PRED_WORKS_AS = Pattern.compile(
            "(?i)^(?:(?:is|are|'s|'re)\\s+)?" + ADVERBS + "(?:works?|working)\\s+as\\s+(?:an?\\s+)?");
    private static final Pattern PRED_ROLE = Pattern.compile("(?i)^(?:is|are|'s|'re)\\s+" + ADVERBS + "(?:an?\\s+)");
    private static final Pattern PRED_FROM = Pattern.compile("(?i)^(?:is|are|'s|'re)\\s+" + ADVERBS + "(?:originally\\s+)?from\\s+");
    private static final Pattern PRED_STUDIES_AT = Pattern.compile(
            "(?i)^(?:(?:is|are|'s|'re)\\s+)?" + ADVERBS + "(?:stud(?:ies|y|ying)|enrolled)\\s+at\\s+");
    private static final Pattern PRED_BIRTHDAY = Pattern.compile("(?i)^(?:'s|s')?\\s*birthday\\s+(?:is|'s|falls)\\s+(?:on\\s+)?");

    private static final Pattern I_LIVE = Pattern.compile(
            "(?i)\\bI" + BE + "?\\s+" + ADVERBS + "(?:live|living|moved|relocated|settled)\\s+" + ADVERBS + "(?:back\\s+)?(?:in|to)\\s+");
    private static final Pattern I_FROM = Pattern.compile("(?i)\\bI" + BE + "\\s+(?:originally\\s+)?from\\s+");
    private static final Pattern I_WORK_AS = Pattern.compile(
            "(?i)\\bI" + BE + "?\\s+" + ADVERBS + "(?:work|working)\\s+" + ADVERBS + "as\\s+(?:an?\\s+)?");
    private static final Pattern I_WORK_AT = Pattern.compile(
            "(?i)(?:\\bI" + BE + "?\\s+)" + ADVERBS + "(?:work|working|employed)\\s+" + ADVERBS + "(?:at|for|by)\\s+");
    private static final Pattern NEW_JOB = Pattern.compile(
            "(?i)\\b(?:(?:got|started|start|landed|accepted|took|have|began)\\s+(?:a\\s+|my\\s+)?(?:new\\s+)?(?:job|position|role|internship)|new\\s+job)\\s+(?:at|with)\\s+");
    private static final Pattern I_AM_ROLE = Pattern.compile("(?i)\\bI" + BE + "\\s+" + ADVERBS + "(?:an?\\s+)");
    private static final Pattern I_STUDY_AT = Pattern.compile(
            "(?i)\\bI" + BE + "?\\s+" + ADVERBS + "(?:study|studying|enrolled|a student|a \\w+ student)\\s+(?:at|in)\\s+");
    private static final Pattern I_STUDY = Pattern.compile("(?i)\\bI" + BE + "?\\s+" + ADVERBS + "(?:study|studying|majoring in|major in)\\s+(?!at\\b)");
    private static final Pattern I_GO_TO_SCHOOL = Pattern.compile("(?i)\\bI\\s+(?:go|went)\\s+to\\s+(?=[\\p{L} ]*(?:University|College|School|Academy|Institute|High))");
    private static final Pattern I_LIKE = Pattern.compile(
            "(?i)\\bI\\s+" + ADVERBS + "(?:love|like|enjoy|adore)\\s+|\\bI" + BE + "\\s+" + ADVERBS + "(?:a\\s+(?:big|huge)\\s+fan\\s+of|into|obsessed with|passionate about)\\s+");
    private static final Pattern I_DISLIKE = Pattern.compile(
            "(?i)\\bI\\s+" + ADVERBS + "(?:hate|dislike|detest|loathe|can't stand|cannot stand|can not stand)\\s+");
    private static final Pattern I_DONT_LIKE = Pattern.compile("(?i)\\bI\\s+(?:really\\s+)?(?:don't|do not|no longer)\\s+(?:really\\s+)?(?:like|love|enjoy)\\s+");
    private static final Pattern FAVOURITE = Pattern.compile(
            "(?i)\\bmy\\s+(?:all[- ]time\\s+|absolute\\s+)?favou?rite\\s+([\\p{L}][\\p{L} -]{0,30}?)\\s+(?:is|are|'s|has to be|would be)\\s+");
    private static final Pattern ALLERGIC = Pattern.compile(
            "(?i)\\bI" + BE + "\\s+" + ADVERBS + "(?:(?:very|severely|super|deathly|mildly|quite|so)\\s+)?allergic\\s+to\\s+|\\bI\\s+have\\s+(?:an?\\s+)?(?:\\w+\\s+)?allerg(?:y|ies)\\s+to\\s+");
    private static final Pattern DIET = Pattern.compile(
            "(?i)\\bI" + BE + "\\s+" + ADVERBS + "(?:a\\s+|an\\s+)?(?:strict\\s+)?(" + String.join("|", Lexicon.DIETS) + ")\\b");
    private static final Pattern CONDITION = Pattern.compile(
            "(?i)\\bI\\s+(?:have|suffer from|was diagnosed with|live with|got diagnosed with)\\s+(" + String.join("|", Lexicon.CONDITIONS) + ")\\b");
    private static final Pattern DATE = Pattern.compile(
            "(?i)^(?:the\\s+)?(?:((?:" + MONTHS + ")\\.?)\\s+(\\d{1,2})(?:st|nd|rd|th)?|(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?((?:" + MONTHS + ")\\.?))\\b");
    private static final Pattern MY_BIRTHDAY = Pattern.compile("(?i)\\bmy\\s+(birthday|anniversary|bday)(?:\\s+is|'s|\\s+falls)\\s+(?:on\\s+)?|\\bI\\s+was\\s+born\\s+on\\s+");
    private static final Pattern PLAN = Pattern.compile(
            "(?i)\\bI(?:'m|\\s+am|'ll\\s+be|\\s+will\\s+be)\\s+" + ADVERBS + "(?:going|flying|travel(?:l)?ing|heading|driving|moving|off)\\s+(?:back\\s+)?to\\s+"
                    + "|\\bI(?:'m|\\s+am)\\s+(?:planning|going)\\s+to\\s+(?:go\\s+to|visit|travel\\s+to|fly\\s+to|move\\s+to)\\s+"
                    + "|\\bI(?:'ll|\\s+will)\\s+be\\s+(?:in|visiting)\\s+");
    private static final Pattern WHEN = Pattern.compile(
            "(?i)^\\s*,?\\s*((?:next|this|in|on|over|for|during|later this|early|late)\\s+(?:the\\s+)?(?:\\w+\\s+)?(?:week|month|year|summer|winter|spring|fall|autumn|weekend|holidays?|\\w+day|"
                    + MONTHS + "|\\d+\\s+\\w+)|tomorrow|tonight|soon|in\\s+a\\s+(?:few\\s+)?(?:days?|weeks?|months?))\\b");

    // negations
    private static final Pattern NOT_WORK_AT = Pattern.compile(
            "(?i)\\bI(?:'m|\\s+am)?\\s+(?:don't|do not|no longer|not|never)\\s+(?:work|working)\\s+(?:at|for)\\s+");
    private static final Pattern QUIT = Pattern.compile(
            "(?i)(?:^|\\bI\\s+(?:just\\s+|finally\\s+)?)(?:quit|left|leaving|quitting)\\s+(?:my\\s+job\\s+(?:at|with)\\s+|my\\s+job\\s+as\\s+an?\\s+|at\\s+)?");
    private static final Pattern NOT_LIVE = Pattern.compile(
            "(?i)\\bI\\s+(?:don't|do not|no longer)\\s+live\\s+in\\s+");
    private static final Pattern NOT_ALLERGIC = Pattern.compile("(?i)\\bI(?:'m|\\s+am)\\s+(?:not|no longer)\\s+allergic\\s+to\\s+");
    private static final Pattern NOT_ROLE = Pattern.compile("(?i)\\bI(?:'m|\\s+am)\\s+(?:not|no longer)\\s+(?:an?\\s+)");
    private static final Pattern NOT_DIET = Pattern.compile(
            "(?i)\\bI(?:'m|\\s+am)\\s+(?:not|no longer)\\s+(?:a\\s+)?(" + String.join("|", Lexicon.DIETS) + ")\\b");
    private static final Pattern MY_NOT = Pattern.compile(
            "(?i)\\bmy\\s+" + MODIFIER + "(" + Subjects.PERSON_WORDS + ")\\s+(?:doesn't|does not|no longer|don't|do not)\\s+(live|work)s?\\s+(?:in|at|for)\\s+");

    /** Every fact stated in {@code message}, in order, without duplicates. */
    public List<Fact> extract(String message) {
        if (message == null || message.isBlank()) {
            return List.of();
        }
        String text = ABBREVIATIONS.matcher(message.replace('’', '\'').replace('‘', '\'').replace('“', '"').replace('”', '"'))
                .replaceAll("$1" + Phrases.ABBREVIATION_DOT);
        Set<Fact> facts = new LinkedHashSet<>();
        for (String sentence : SENTENCE_END.split(text)) {
            String trimmed = sentence.trim();
            if (trimmed.isEmpty() || isQuestion(trimmed)) {
                continue;
            }
            for (String clause : CLAUSE_BREAK.split(trimmed)) {
                if (!clause.isBlank() && !HYPOTHETICAL.matcher(clause).find()) {
                    readClause(clause.trim(), facts);
                }
            }
        }
        return List.copyOf(facts);
    }

    static boolean isQuestion(String sentence) {
        if (sentence.endsWith("?")) {
            return true;
        }
        String[] words = sentence.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}' ]", " ").trim().split("\\s+");
        return words.length > 1 && QUESTION_STARTS.contains(words[0])
                && Set.of("you", "i", "my", "we", "it", "there", "me", "he", "she", "they", "your").contains(words[1]);
    }

    private void readClause(String clause, Set<Fact> facts) {
        if (NEGATION.matcher(clause).find()) {
            readNegations(clause, facts);
            for (Matcher m = I_DISLIKE.matcher(clause); m.find(); ) {
                addList(facts, Relations.USER, "dislikes", Phrases.list(clause.substring(m.end())), false);
            }
            return;
        }
        readOwnedSubjects(clause, facts);
        readHave(clause, facts);
        readUser(clause, facts);
    }

    private void readOwnedSubjects(String clause, Set<Fact> facts) {
        Matcher m = MY_SUBJECT.matcher(clause);
        while (m.find()) {
            String subject = canonicalSubject(m.group(1));
            String rest = clause.substring(m.end());
            if (m.group(2) != null) {
                Matcher nameIs = Pattern.compile("(?i)^\\s*names?\\s+(?:is|are)\\s+").matcher(rest);
                if (nameIs.find()) {
                    addNames(facts, subject, Phrases.names(rest.substring(nameIs.end())).values());
                    continue;
                }
                Matcher birthday = PRED_BIRTHDAY.matcher("'s" + rest);
                if (birthday.find()) {
                    String date = date(("'s" + rest).substring(birthday.end()));
                    if (date != null) {
                        facts.add(Fact.of(subject, "birthday", List.of(date)));
                    }
                }
                continue;
            }
            Matcher named = NAMED.matcher(rest);
            int afterNamed = named.find() ? named.end() : 0;
            Phrases.Names names = Phrases.names(rest.substring(afterNamed));
            String predicate = rest;
            if (!names.isEmpty()) {
                addNames(facts, subject, names.values());
                predicate = rest.substring(afterNamed + names.end());
            }
            readPredicate(subject, predicate.replaceFirst("^\\s*,?\\s*(?:(?:who|which|that)\\s+)?", ""), facts);
        }
    }

    private void readHave(String clause, Set<Fact> facts) {
        Matcher m = I_HAVE.matcher(clause);
        while (m.find()) {
            String subject = canonicalSubject(m.group(2));
            String rest = clause.substring(m.end());
            Matcher named = NAMED.matcher(rest);
            int afterNamed = named.find() ? named.end() : 0;
            Phrases.Names names = Phrases.names(rest.substring(afterNamed));
            if (!names.isEmpty()) {
                addNames(facts, subject, names.values());
                rest = rest.substring(afterNamed + names.end());
            } else if (Subjects.isPet(subject)) {
                String count = m.group(1) == null ? "a" : m.group(1).toLowerCase(Locale.ROOT);
                boolean one = count.equals("a") || count.equals("an") || count.equals("one") || count.startsWith("a ");
                facts.add(Fact.of("pets", "has", List.of(one ? FactText.withArticle(subject)
                        : count + " " + FactText.pluralOf(subject))));
            }
            readPredicate(subject, rest.replaceFirst("^\\s*,?\\s*(?:(?:who|which|that)\\s+)?", ""), facts);
        }
    }

    private void readPredicate(String subject, String predicate, Set<Fact> facts) {
        String p = predicate.trim();
        if (p.isEmpty()) {
            return;
        }
        Matcher m;
        if ((m = PRED_NAME_IS.matcher(p)).find() || (m = PRED_NAMED.matcher(p)).find()) {
            addNames(facts, subject, Phrases.names(p.substring(m.end())).values());
            return;
        }
        if ((m = PRED_LIVES.matcher(p)).find()) {
            addValue(facts, subject, "lives_in", Phrases.capitalisePlace(Phrases.value(p.substring(m.end()))));
            return;
        }
        if ((m = PRED_WORKS_AS.matcher(p)).find()) {
            readRole(subject, p.substring(m.end()), facts, false);
            return;
        }
        if ((m = PRED_WORKS_AT.matcher(p)).find()) {
            addValue(facts, subject, "works_at", Phrases.value(p.substring(m.end())));
            return;
        }
        if ((m = PRED_STUDIES_AT.matcher(p)).find()) {
            addValue(facts, subject, "studies_at", Phrases.value(p.substring(m.end())));
            return;
        }
        if ((m = PRED_FROM.matcher(p)).find()) {
            addValue(facts, subject, "from", Phrases.capitalisePlace(Phrases.value(p.substring(m.end()))));
            return;
        }
        if ((m = PRED_ROLE.matcher(p)).find()) {
            readRole(subject, p.substring(m.end()), facts, true);
            return;
        }
        if ((m = PRED_BE.matcher(p)).find()) {
            Phrases.Names names = Phrases.names(p.substring(m.end()));
            String after = p.substring(m.end() + names.end()).trim();
            if (!names.isEmpty() && (after.isEmpty() || after.matches("(?s)^[,.!;].*|^(?i:and|but|so|who)\\b.*"))) {
                addNames(facts, subject, names.values());
            }
        }
    }

    /** "nurse at St. Mary's hospital", "barista at Blue Bottle now", "software engineer". */
    private void readRole(String subject, String rest, Set<Fact> facts, boolean requireKnownRole) {
        String text = Phrases.cutAtClauseEnd(rest);
        Matcher at = Pattern.compile("(?i)\\s+(?:at|for|with|in)\\s+").matcher(text);
        String rolePart = at.find() ? text.substring(0, at.start()) : text;
        String role = Phrases.phrase(rolePart);
        if (role == null || role.split(" ").length > 3 || requireKnownRole && !Lexicon.isOccupation(role)) {
            return;
        }
        String roleLower = role.toLowerCase(Locale.ROOT);
        String place = at.hitEnd() || rolePart.equals(text) ? null : Phrases.value(text.substring(at.end()));
        boolean orgFollows = !rolePart.equals(text) && text.substring(at.start()).trim().toLowerCase(Locale.ROOT).matches("^(?:at|for|with)\\b.*");
        if (roleLower.endsWith("student")) {
            if (orgFollows && place != null) {
                addValue(facts, subject, "studies_at", place);
            }
            return;
        }
        addValue(facts, subject, "works_as", roleLower.equals(role) ? role : role.toLowerCase(Locale.ROOT));
        if (orgFollows && place != null) {
            addValue(facts, subject, "works_at", place);
        }
    }

    private void readUser(String clause, Set<Fact> facts) {
        String user = Relations.USER;
        Matcher m;
        if ((m = I_LIVE.matcher(clause)).find()) {
            addValue(facts, user, "lives_in", Phrases.capitalisePlace(Phrases.value(clause.substring(m.end()))));
        }
        if ((m = I_FROM.matcher(clause)).find()) {
            addValue(facts, user, "from", Phrases.capitalisePlace(Phrases.value(clause.substring(m.end()))));
        }
        if ((m = I_WORK_AS.matcher(clause)).find()) {
            readRole(user, clause.substring(m.end()), facts, false);
        } else if ((m = I_WORK_AT.matcher(clause)).find()) {
            addValue(facts, user, "works_at", Phrases.value(clause.substring(m.end())));
        } else if ((m = NEW_JOB.matcher(clause)).find()) {
            addValue(facts, user, "works_at", Phrases.value(clause.substring(m.end())));
        } else if ((m = I_STUDY_AT.matcher(clause)).find()) {
            addValue(facts, user, "studies_at", Phrases.value(clause.substring(m.end())));
        } else if ((m = I_AM_ROLE.matcher(clause)).find()) {
            readRole(user, clause.substring(m.end()), facts, true);
        }
        if ((m = I_GO_TO_SCHOOL.matcher(clause)).find()) {
            addValue(facts, user, "studies_at", Phrases.value(clause.substring(m.end())));
        }
        if ((m = I_STUDY.matcher(clause)).find()) {
            addValue(facts, user, "studies", Phrases.value(clause.substring(m.end())));
        }
        for (m = I_LIKE.matcher(clause); m.find(); ) {
            addList(facts, user, "likes", Phrases.list(clause.substring(m.end())), false);
        }
        for (m = I_DISLIKE.matcher(clause); m.find(); ) {
            addList(facts, user, "dislikes", Phrases.list(clause.substring(m.end())), false);
        }
        for (m = FAVOURITE.matcher(clause); m.find(); ) {
            String thing = m.group(1).toLowerCase(Locale.ROOT).trim();
            List<String> values = Phrases.list(clause.substring(m.end()));
            if (!values.isEmpty()) {
                facts.add(Fact.of(Subjects.canonical("favourite " + thing), "is", values));
            }
        }
        if ((m = ALLERGIC.matcher(clause)).find()) {
            addList(facts, user, "allergic_to", Phrases.list(clause.substring(m.end())), false);
        }
        if ((m = DIET.matcher(clause)).find()) {
            addValue(facts, user, "diet", m.group(1).toLowerCase(Locale.ROOT));
        }
        if ((m = CONDITION.matcher(clause)).find()) {
            addValue(facts, user, "condition", m.group(1).toLowerCase(Locale.ROOT));
        }
        if ((m = MY_BIRTHDAY.matcher(clause)).find()) {
            String date = date(clause.substring(m.end()));
            String relation = m.group(1) != null && m.group(1).equalsIgnoreCase("anniversary") ? "anniversary" : "birthday";
            if (date != null) {
                facts.add(Fact.of(user, relation, List.of(date)));
            }
        }
        if ((m = PLAN.matcher(clause)).find()) {
            String rest = clause.substring(m.end());
            Phrases.Names place = Phrases.names(rest);
            if (!place.isEmpty()) {
                String destination = String.join(" ", place.values().get(0));
                Matcher when = WHEN.matcher(rest.substring(place.end()));
                String detail = "going to " + destination + (when.find() ? " " + when.group(1) : "");
                facts.add(Fact.of(user, "plans", List.of(destination)).withDetail(detail));
            }
        }
    }

    private void readNegations(String clause, Set<Fact> facts) {
        String user = Relations.USER;
        Matcher m;
        if ((m = I_DONT_LIKE.matcher(clause)).find()) {
            List<String> values = Phrases.list(clause.substring(m.end()));
            addList(facts, user, "dislikes", values, false);
            addList(facts, user, "likes", values, true);
        }
        if ((m = NOT_WORK_AT.matcher(clause)).find()) {
            addNegated(facts, user, "works_at", Phrases.value(clause.substring(m.end())));
        } else if ((m = QUIT.matcher(clause)).find()) {
            String rest = clause.substring(m.end());
            String value = Phrases.value(rest);
            if (value != null && value.equalsIgnoreCase("job") || rest.trim().toLowerCase(Locale.ROOT).startsWith("my job")) {
                facts.add(Fact.of(user, "works_at", List.of("*")).negate());
            } else if (value != null && !value.toLowerCase(Locale.ROOT).matches("smoking|drinking|sugar|caffeine|social media")) {
                addNegated(facts, user, "works_at", value);
            }
        }
        if ((m = NOT_LIVE.matcher(clause)).find()) {
            addNegated(facts, user, "lives_in", Phrases.capitalisePlace(Phrases.value(clause.substring(m.end()))));
        }
        if ((m = NOT_ALLERGIC.matcher(clause)).find()) {
            addList(facts, user, "allergic_to", Phrases.list(clause.substring(m.end())), true);
        }
        if ((m = NOT_DIET.matcher(clause)).find()) {
            addNegated(facts, user, "diet", m.group(1).toLowerCase(Locale.ROOT));
        } else if ((m = NOT_ROLE.matcher(clause)).find()) {
            String role = Phrases.phrase(Phrases.cutAtClauseEnd(clause.substring(m.end())));
            if (role != null && Lexicon.isOccupation(role)) {
                addNegated(facts, user, "works_as", role.toLowerCase(Locale.ROOT));
            }
        }
        if ((m = MY_NOT.matcher(clause)).find()) {
            String subject = canonicalSubject(m.group(1));
            boolean live = m.group(2).equalsIgnoreCase("live");
            String value = Phrases.value(clause.substring(m.end()));
            addNegated(facts, subject, live ? "lives_in" : "works_at", live ? Phrases.capitalisePlace(value) : value);
        }
    }

    private static String canonicalSubject(String word) {
        String lower = word.toLowerCase(Locale.ROOT).replace("’", "'");
        return Subjects.canonical(lower);
    }

    /** "May 3", "3rd of May", "the 3rd of may" → "May 3". */
    static String date(String rest) {
        Matcher m = DATE.matcher(rest.trim());
        if (!m.find()) {
            return null;
        }
        String month = m.group(1) != null ? m.group(1) : m.group(4);
        String day = m.group(2) != null ? m.group(2) : m.group(3);
        return monthName(month.replace(".", "")) + " " + Integer.parseInt(day);
    }

    private static String monthName(String month) {
        String lower = month.toLowerCase(Locale.ROOT);
        for (String full : List.of("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")) {
            if (full.toLowerCase(Locale.ROOT).startsWith(lower)) {
                return full;
            }
        }
        return month;
    }

    private static void addNames(Set<Fact> facts, String subject, List<String> names) {
        if (!names.isEmpty()) {
            facts.add(Fact.of(subject, "name", names));
        }
    }

    private static void addValue(Set<Fact> facts, String subject, String relation, String value) {
        if (value != null && !value.isBlank()) {
            facts.add(Fact.of(subject, relation, List.of(value)));
        }
    }

    private static void addNegated(Set<Fact> facts, String subject, String relation, String value) {
        if (value != null && !value.isBlank()) {
            facts.add(Fact.of(subject, relation, List.of(value)).negate());
        }
    }

    private static void addList(Set<Fact> facts, String subject, String relation, List<String> values, boolean negated) {
        List<String> cleaned = new ArrayList<>();
        for (String value : values) {
            String lower = value.toLowerCase(Locale.ROOT);
            if (Lexicon.PRONOUN_OBJECTS.contains(lower) || lower.startsWith("to ") && lower.split(" ").length == 1) {
                continue;
            }
            cleaned.add(value.replaceFirst("^(?i)my\\s+", "their "));
        }
        if (!cleaned.isEmpty()) {
            Fact fact = Fact.of(subject, relation, cleaned);
            facts.add(negated ? fact.negate() : fact);
        }
    }
}
