package app.spotter.model.access;

/** Who a logged-in user is at the gym. Members who log in (API, future portal) are MEMBER. */
public enum Role {
    ADMIN, MANAGER, TRAINER, FRONT_DESK, MEMBER;

    public boolean isStaff() {
        return this != MEMBER;
    }
}
