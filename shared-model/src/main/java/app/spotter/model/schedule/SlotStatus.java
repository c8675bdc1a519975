package app.spotter.model.schedule;

/** A slot is scheduled until the studio cancels it. */
public enum SlotStatus {
    SCHEDULED, CANCELLED
}
