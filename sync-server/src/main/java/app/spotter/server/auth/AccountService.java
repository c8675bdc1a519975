package app.spotter.server.auth;

import app.spotter.model.access.Permission;
import app.spotter.model.access.Role;
import app.spotter.model.api.AuthApi.NewStaffUser;
import app.spotter.model.api.AuthApi.PendingStaff;
import app.spotter.model.common.UserId;
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

    /**
     * Public sign-up: a MEMBER login with its member record (never any other role), on no membership
     * or on the gym's free trial ({@link MemberSignup#createForPublicSignup}), in one transaction;
     * returns tokens so the member is logged in.
     */
    public TokenPair registerMember(RegisterRequest r) {
        return tx.inTransaction(session -> {
            var member = memberSignup.createForPublicSignup(session, r.name(), r.email());
            UserAccount u = auth.createAccount(session, r.email(), r.password(), r.name(), Role.MEMBER, r.timezone(),
                    member, Optional.empty());
            return auth.issueFor(session, u);
        });
    }

    /** Staff accounts that registered themselves and wait for approval, oldest first. */
    public List<PendingStaff> pendingStaff() {
        return tx.inTransaction(session -> session.createSelectionQuery(
                        "from UserAccount u where u.approval = :pending order by u.createdAt, u.id", UserAccount.class)
                .setParameter("pending", AccountApproval.PENDING)
                .getResultList().stream()
                .map(u -> new PendingStaff(u.id.toString(), u.email, u.name, u.role, u.zoneId,
                        u.createdAt.atOffset(java.time.ZoneOffset.UTC)))
                .toList());
    }

    /** Approves a pending account: from now on it logs in and holds its role's permissions. 409 when not pending. */
    public Profile approve(Caller c, UserId id) {
        return tx.inTransaction(session -> {
            UserAccount u = pending(session, c, id);
            var before = new ApprovalSnapshot(u.role, u.approval, u.active);
            u.approval = AccountApproval.APPROVED;
            u.active = true;
            audit.record(session, c, "STAFF_APPROVED", "UserAccount", u.id, before,
                    new ApprovalSnapshot(u.role, u.approval, u.active));
            return profile(u, rolePermissions.of(session, u.role));
        });
    }

    /** Rejects a pending account: it never logs in. 409 when not pending. */
    public void reject(Caller c, UserId id) {
        tx.run(session -> {
            UserAccount u = pending(session, c, id);
            var before = new ApprovalSnapshot(u.role, u.approval, u.active);
            u.approval = AccountApproval.REJECTED;
            u.active = false;
            audit.record(session, c, "STAFF_REJECTED", "UserAccount", u.id, before,
                    new ApprovalSnapshot(u.role, u.approval, u.active));
        });
    }

    private static UserAccount pending(org.hibernate.Session session, Caller c, UserId id) {
        UserAccount u = session.find(UserAccount.class, id.value(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (u == null) {
            throw ApiException.notFound("Account");
        }
        if (u.approval != AccountApproval.PENDING) {
            throw ApiException.conflict("NOT_PENDING", "This account does not wait for approval (it is " + u.approval + ")");
        }
        if (u.role == Role.ADMIN && c.role() != Role.ADMIN) {
            throw new ApiException(403, "FORBIDDEN", "Only an admin can approve another admin");
        }
        return u;
    }

    /** What the audit log keeps of an approval decision. */
    record ApprovalSnapshot(Role role, AccountApproval approval, boolean active) {
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

    /**
     * The first admin of a gym, made at install by {@code spotter-server create-admin}. Refused while
     * an active admin exists unless {@code force} (a lost admin password on a gym without e-mail).
     */
    public Profile createAdminAtInstall(String email, String password, String name, String timezone, boolean force,
                                        String runBy) {
        return tx.inTransaction(session -> {
            long admins = session.createSelectionQuery("select count(u) from UserAccount u where u.role = :admin and u.active",
                    Long.class).setParameter("admin", Role.ADMIN).getSingleResult();
            if (admins > 0 && !force) {
                throw new ApiException(409, "ADMIN_EXISTS", "This gym already has an admin (" + admins
                        + "); add --force to create another one anyway");
            }
            UserAccount u = auth.createAccount(session, email, password, name, Role.ADMIN, timezone, null, Optional.empty());
            audit.record(session, Optional.empty(), "ADMIN_CREATED_AT_INSTALL", "UserAccount", u.id, null,
                    java.util.Map.of("email", u.email, "forced", force, "adminsBefore", admins, "runBy", runBy));
            return profile(u, rolePermissions.of(session, Role.ADMIN));
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

    /** Every staff account (not members) with whether it is active (a pending one is not): what desks need to expire cached logins. */
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
