package app.spotter.model.sync;

/** How two versions of a record relate in time, as their version vectors tell. */
public enum Causality {
    /** The same version. */
    EQUAL,
    /** This version happened before the other; the other has seen every change of this one. */
    BEFORE,
    /** This version happened after the other; it has seen every change of the other. */
    AFTER,
    /** Each has changes the other has not seen: they were edited concurrently and must merge. */
    CONCURRENT
}
