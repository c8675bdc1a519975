package app.spotter.server.auth;

import app.spotter.model.access.Permission;
import app.spotter.model.access.Role;
import app.spotter.model.common.MemberId;
import app.spotter.model.common.UserId;
import app.spotter.server.http.ApiException;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/** The authenticated caller of a request, with the permissions their role has right now. */
public record Caller(UserId userId, Role role, Optional<MemberId> memberId, Optional<ZoneId> zone,
                     Set<Permission> permissions) {

    static final String ATTRIBUTE = "spotter.caller";

    public Caller {
        permissions = Set.copyOf(permissions);
    }

    public boolean can(Permission p) {
        return permissions.contains(p);
    }

    /** True when this caller is the member in question (a member acting on their own records). */
    public boolean is(MemberId member) {
        return memberId.map(member::equals).orElse(false);
    }

    /** The caller of an authenticated route; 401 when the route let an anonymous caller through. */
    public static Caller of(Context ctx) {
        Caller c = ctx.attribute(ATTRIBUTE);
        if (c == null) {
            throw new ApiException(401, "UNAUTHORIZED", "Log in first");
        }
        return c;
    }

    public static Optional<Caller> optional(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }
}
