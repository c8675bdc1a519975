package app.spotter.model.schedule;

/** What a session offers: a group class, personal training with a trainer, or time on a machine. */
public enum SessionKind {
    CLASS, PERSONAL_TRAINING, EQUIPMENT
}
