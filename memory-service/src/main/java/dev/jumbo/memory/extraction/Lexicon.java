package dev.jumbo.memory.extraction;

import java.util.Set;

/** Word lists the rule-based extractor relies on. */
final class Lexicon {

    static final Set<String> OCCUPATIONS = words("nurse", "doctor", "physician", "surgeon", "dentist", "pharmacist",
            "therapist", "psychologist", "psychiatrist", "teacher", "professor", "lecturer", "tutor", "engineer",
            "developer", "programmer", "coder", "designer", "architect", "artist", "painter", "musician", "singer",
            "writer", "author", "journalist", "reporter", "editor", "photographer", "chef", "cook", "baker", "barista",
            "bartender", "waiter", "waitress", "server", "cashier", "accountant", "lawyer", "attorney", "paralegal",
            "judge", "consultant", "analyst", "manager", "director", "executive", "ceo", "cto", "cfo", "founder",
            "entrepreneur", "scientist", "researcher", "intern", "librarian", "firefighter", "paramedic", "officer",
            "policeman", "policewoman", "cop", "soldier", "pilot", "driver", "mechanic", "electrician", "plumber",
            "carpenter", "farmer", "gardener", "cleaner", "janitor", "receptionist", "secretary", "assistant", "clerk",
            "salesperson", "salesman", "saleswoman", "realtor", "banker", "economist", "marketer", "recruiter",
            "veterinarian", "vet", "nanny", "caregiver", "carer", "midwife", "optometrist", "physiotherapist",
            "physio", "technician", "tester", "administrator", "sysadmin", "freelancer", "translator", "interpreter",
            "actor", "actress", "dancer", "athlete", "coach", "trainer", "instructor", "worker", "biologist", "chemist",
            "physicist", "mathematician", "statistician", "historian", "lifeguard", "welder", "tailor", "butcher",
            "florist", "hairdresser", "barber", "stylist", "model", "streamer", "counselor", "counsellor", "surveyor",
            "sailor", "fisherman", "student", "consultant", "programmer", "copywriter", "illustrator", "animator",
            "producer", "filmmaker", "composer", "pianist", "guitarist", "drummer", "violinist", "dj", "pharmacologist",
            "radiologist", "cardiologist", "pediatrician", "paediatrician", "anesthesiologist", "dietitian",
            "nutritionist", "social worker", "housekeeper", "courier", "postman", "mail carrier", "security guard",
            "guard", "firefighter", "scientist", "lab technician", "principal", "dean", "teaching assistant",
            "professor", "investor", "trader", "broker", "auditor", "bookkeeper", "actuary", "underwriter",
            "paramedic", "ranger", "zookeeper", "vet tech", "flight attendant", "stewardess", "steward", "captain");

    static final Set<String> DIETS = words("vegetarian", "vegan", "pescatarian", "pescetarian", "gluten-free",
            "gluten free", "lactose intolerant", "lactose-intolerant", "keto", "halal", "kosher", "dairy-free",
            "dairy free", "plant-based", "plant based", "paleo");

    static final Set<String> CONDITIONS = words("asthma", "diabetes", "adhd", "autism", "anxiety", "depression",
            "migraines", "migraine", "epilepsy", "arthritis", "celiac disease", "coeliac disease", "celiac", "coeliac",
            "high blood pressure", "hypertension", "insomnia", "ibs", "crohn's", "eczema", "psoriasis", "dyslexia",
            "a bad back", "back pain", "a heart condition", "sleep apnea", "endometriosis", "pcos", "long covid",
            "type 1 diabetes", "type 2 diabetes", "bipolar disorder", "ocd", "ptsd", "tinnitus", "scoliosis");

    /** Lowercase words that may end an organisation's or a place's capitalised name. */
    static final Set<String> INSTITUTION_WORDS = words("hospital", "university", "college", "school", "clinic",
            "hotel", "restaurant", "cafe", "café", "bakery", "bank", "academy", "library", "church", "office", "store",
            "shop", "company", "inc", "ltd", "center", "centre", "museum", "gym", "studio", "lab", "labs", "agency",
            "firm", "hall", "institute", "high", "elementary", "foundation", "group", "studios", "games", "park");

    /** Words that end a lowercase value phrase. */
    static final Set<String> STOP_WORDS = words("and", "but", "because", "so", "since", "when", "where", "while",
            "with", "who", "which", "that", "now", "anymore", "nowadays", "today", "yesterday", "tomorrow", "tonight",
            "currently", "recently", "again", "though", "too", "as", "for", "next", "last", "this", "these", "every",
            "until", "after", "before", "lol", "haha", "already", "then", "there", "here", "at", "to", "from", "by",
            "on", "in", "or", "if", "ever", "although", "cause", "cuz", "also", "really", "very", "is", "are", "was",
            "were", "i", "i'm", "we", "he", "she", "they", "it", "you", "my", "our", "lately", "anyway", "though",
            "actually", "honestly", "either", "full-time", "part-time", "right", "yet", "still", "just", "like");

    /** Capitalised words that are not names. */
    static final Set<String> NOT_NAMES = words("I", "I'm", "I've", "I'd", "I'll", "The", "A", "An", "My", "We", "He",
            "She", "They", "It", "You", "Yesterday", "Today", "Tomorrow", "Monday", "Tuesday", "Wednesday", "Thursday",
            "Friday", "Saturday", "Sunday", "And", "But", "So", "Also", "Then", "Last", "Next", "This", "That", "Our",
            "His", "Her", "Their", "Both", "All", "Is", "Are", "Was", "Were", "Who", "When", "What", "Where", "Why",
            "How", "Do", "Does", "Did", "Have", "Has", "Not", "No", "Yes", "OK", "Ok", "Oh", "Well", "Lol");

    static final Set<String> PRONOUN_OBJECTS = words("you", "it", "that", "this", "them", "him", "her", "how", "when",
            "what", "where", "why", "which", "who", "to", "the idea", "those", "these", "everything", "nothing",
            "something", "anything", "myself", "me", "us", "when", "if");

    static final Set<String> NUMBER_WORDS = words("a", "an", "one", "two", "three", "four", "five", "six", "some",
            "several", "many", "lots of", "2", "3", "4", "5", "6");

    private Lexicon() {
    }

    private static Set<String> words(String... words) {
        return Set.copyOf(java.util.List.of(words));
    }

    static boolean isOccupation(String role) {
        String lower = role.toLowerCase(java.util.Locale.ROOT);
        if (OCCUPATIONS.contains(lower)) {
            return true;
        }
        String[] words = lower.split("\\s+");
        String head = words[words.length - 1];
        return OCCUPATIONS.contains(head) || head.endsWith("ologist") || head.endsWith("ician")
                || head.endsWith("engineer") || head.endsWith("developer") || head.endsWith("designer");
    }
}
