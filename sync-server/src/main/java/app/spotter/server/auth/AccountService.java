package app.spotter.server.auth;

import app.spotter.model.access.Permission;
import app.spotter.model.access.Role;
import app.spotter.model.api.AuthApi.NewStaffUser;
import app.spotter.model.api.AuthApi.Profile;
import app.spotter.model.api.AuthApi.ProfileUpdate;
import app.spotter.model.api.AuthApi.RegisterRequest;
import app.spotter.model.api.AuthApi.RolePermissionsView;
import app.spotter.model.api.AuthApi.TokenPair;
import app.spotter.server.access.RolePermissions;
import app.spotter.server.audit.AuditLog;
import app.spotter.server.db.Transactions;
import app.spotter.server.http.ApiException;
import app.spotter.server.members.MemberSignup;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Member self-registration, profiles, staff accounts and the role permission table. */
public final class AccountService {

    private final AuthService auth;
    private final Transactions tx;
    private final RolePermissions rolePermissions;
    private final MemberSignup memberSignup;
    private final AuditLog audit;

    public AccountService(AuthService auth, Transactions tx, RolePermissions rolePermissions, MemberSignup memberSignup,
                          AuditLog audit) {
        this.auth = auth;
        this.tx = tx;
        this.rolePermissions = rolePermissions;
        this.memberSignup = memberSignup;
        this.audit = audit;
    }

    /** A member login with its member record, in one transaction; returns tokens so the member is logged in. */
    public TokenPair registerMember(RegisterRequest r, Role role) {
        return tx.inTransaction(session -> {
            var member = role == Role.MEMBER ? memberSignup.createForSignup(session, r.name(), r.email()) : null;
            UserAccount u = auth.createAccount(session, r.email(), r.password(), r.name(), role, r.timezone(),
                    member, Optional.empty());
            return auth.issueFor(session, u);
        });
    }

    /**
     * Creates a login of any role without a calling admin: the first admin of a new gym, demo staff,
     * test fixtures. Returns the account's tokens.
     */
    public TokenPair bootstrapAccount(String email, String password, String name, Role role, String timezone) {
        return tx.inTransaction(session -> {
            var member = role == Role.MEMBER ? memberSignup.createForSignup(session, name, email) : null;
            UserAccount u = auth.createAccount(session, email, password, name, role, timezone, member, Optional.empty());
            return auth.issueFor(session, u);
        });
    }

    public Profile profile(Caller c) {
        return tx.inTransaction(session -> profile(session.find(UserAccount.class, c.userId().value()), c.permissions()));
    }

    public Profile updateProfile(Caller c, ProfileUpdate r) {
        ZoneId zone = AuthService.parseZone("timezone", r.timezone());
        if (r.name() != null && (r.name().isBlank() || r.name().length() > 200)) {
            throw ApiException.validation("name", "Name must not be blank (at most 200 characters)");
        }
        return tx.inTransaction(session -> {
            UserAccount u = session.find(UserAccount.class, c.userId().value());
            var before = new AuthService.AccountSnapshot(u.email, u.name, u.role, u.zoneId);
            if (r.name() != null) {
                u.name = r.name().strip();
            }
            if (zone != null) {
                u.zoneId = zone.getId();
            }
            audit.record(session, c, "PROFILE_UPDATED", "UserAccount", u.id, before,
                    new AuthService.AccountSnapshot(u.email, u.name, u.role, u.zoneId));
            return profile(u, c.permissions());
        });
    }

    public Profile createStaff(Caller c, NewStaffUser r) {
        if (r.role() == null) {
            throw ApiException.validation("role", "Role is required: one of " + Arrays.toString(Role.values()));
        }
        if (r.role() == Role.MEMBER) {
            throw ApiException.validation("role", "Members register through /api/v1/auth/register or the members API");
        }
        if (r.role() == Role.ADMIN && c.role() != Role.ADMIN) {
            throw new ApiException(403, "FORBIDDEN", "Only an admin can create another admin", "role");
        }
        return tx.inTransaction(session -> profile(
                auth.createAccount(session, r.email(), r.password(), r.name(), r.role(), r.timezone(), null, Optional.of(c)),
                rolePermissions.of(session, r.role())));
    }

    /** Every staff account (not members) with whether it is active: what desks need to expire cached logins. */
    public List<app.spotter.model.sync.StaffAccess> staffAccess() {
        return tx.inTransaction(session -> session.createSelectionQuery(
                        "from UserAccount u where u.role <> :member", UserAccount.class)
                .setParameter("member", Role.MEMBER)
                .getResultList().stream().map(u -> new app.spotter.model.sync.StaffAccess(u.id, u.active)).toList());
    }

    public List<RolePermissionsView> roles() {
        return tx.inTransaction(session -> Arrays.stream(Role.values())
                .map(role -> new RolePermissionsView(role, rolePermissions.of(session, role)))
                .toList());
    }

    public RolePermissionsView setRolePermissions(Caller c, Role role, Set<Permission> permissions) {
        if (permissions == null) {
            throw ApiException.validation("permissions", "The list of permissions is required");
        }
        if (permissions.stream().anyMatch(java.util.Objects::isNull)) {
            throw ApiException.validation("permissions", "A permission in the list is null");
        }
        Set<Permission> wanted = permissions.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(permissions);
        if (role == Role.ADMIN && !wanted.contains(Permission.ROLES_MANAGE)) {
            // Without this an admin could lock every admin out of the permission screen for good.
            throw new ApiException(422, "ADMIN_LOCKOUT", "Admins must keep ROLES_MANAGE", "permissions");
        }
        tx.run(session -> {
            Set<Permission> before = rolePermissions.of(session, role);
            rolePermissions.replace(session, role, wanted);
            audit.record(session, c, "ROLE_PERMISSIONS_CHANGED", "Role", role, before, wanted);
        });
        return new RolePermissionsView(role, wanted);
    }

    private static Profile profile(UserAccount u, Set<Permission> permissions) {
        return new Profile(u.id.toString(), u.email, u.name, u.role,
                u.memberId == null ? null : u.memberId.toString(), u.zoneId, permissions);
    }
}
