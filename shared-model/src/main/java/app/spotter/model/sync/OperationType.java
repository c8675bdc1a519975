package app.spotter.model.sync;

/** The intents a device records in its outbox. */
public enum OperationType {
    BOOK, CANCEL_BOOKING, CHECK_IN, REGISTER_MEMBER, EDIT_MEMBER, FREEZE_MEMBERSHIP, RESOLVE_CONFLICT, UNFREEZE_MEMBERSHIP,
    ASSIGN_MEMBERSHIP
}
