package dev.jumbo.memory.extraction;

/** How a new value of a relation consolidates with what is already known. */
public enum FactKind {
    /** One value at a time (lives in, works at): a new value replaces the old one, which goes to history. */
    SINGLE,
    /** A set that grows (friends, allergies, likes): new values are merged into the one memory. */
    ADDITIVE,
    /** Independent facts of the same relation (plans): one memory per value. */
    DISTINCT
}
