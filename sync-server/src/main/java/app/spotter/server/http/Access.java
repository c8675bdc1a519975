package app.spotter.server.http;

import app.spotter.model.access.Permission;
import java.util.EnumSet;
import java.util.Set;

/** Who may call an endpoint: anyone, any logged-in user, or a holder of one of some permissions. */
public sealed interface Access {

    record Public() implements Access {
    }

    record Authenticated() implements Access {
    }

    record AnyOf(Set<Permission> permissions) implements Access {
    }

    /** Only an enrolled device with its device token (the sync API). */
    record Device() implements Access {
    }

    static Access device() {
        return new Device();
    }

    static Access open() {
        return new Public();
    }

    static Access loggedIn() {
        return new Authenticated();
    }

    static Access anyOf(Permission first, Permission... rest) {
        return new AnyOf(EnumSet.of(first, rest));
    }
}
