package app.spotter.desk.shell;

/** The screens of the desk's navigation, in the order of the navigation bar. */
public enum Screen {
    CHECK_IN("nav.checkin"), SCHEDULE("nav.schedule"), MEMBERS("nav.members"), MANAGER("nav.manager");

    private final String textKey;

    Screen(String textKey) {
        this.textKey = textKey;
    }

    public String textKey() {
        return textKey;
    }

    /** Screens only managers and admins see. */
    public boolean forManagers() {
        return this == MANAGER;
    }
}
