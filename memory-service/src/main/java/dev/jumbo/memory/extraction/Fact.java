package dev.jumbo.memory.extraction;

import java.util.List;

/**
 * One normalised fact taken from a message: {@code subject} ("user", "sister", "dog", "favourite movie"),
 * {@code relation} (the predicate: "lives_in", "name", "works_at"…), its {@code values}, and whether the
 * message retracted it ("I don't work at Google anymore"). {@code detail} is extra wording for the text only.
 */
public record Fact(String category, String subject, String relation, List<String> values, FactKind kind,
                   boolean negated, String detail) {

    public Fact {
        values = List.copyOf(values);
    }

    public static Fact of(String subject, String relation, List<String> values) {
        Relations.Spec spec = Relations.spec(subject, relation);
        return new Fact(spec.category(), subject, relation, values, spec.kind(), false, null);
    }

    public Fact negate() {
        return new Fact(category, subject, relation, values, kind, true, detail);
    }

    public Fact withDetail(String newDetail) {
        return new Fact(category, subject, relation, values, kind, negated, newDetail);
    }

    /** The memory text, e.g. "User's sister lives in Paris". */
    public String text() {
        return FactText.render(subject, relation, values, negated, detail);
    }
}
