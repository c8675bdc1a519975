package app.spotter.server.members;

import app.spotter.model.access.Permission;
import app.spotter.model.api.MembersApi.HealthNotesView;
import app.spotter.model.common.MemberId;
import app.spotter.model.common.UserId;
import app.spotter.server.access.RolePermissions;
import app.spotter.server.audit.AuditLog;
import app.spotter.server.auth.Caller;
import app.spotter.server.auth.UserAccount;
import app.spotter.server.db.Transactions;
import app.spotter.server.http.ApiException;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Health notes read at a desk. The desk calls with its device token (staff tokens are not kept at
 * the desk) and names the staff member logged in there, as its outbox operations do; the notes go
 * out only when that person's role holds HEALTH_NOTES right now. Every read is audited, because
 * these are the most sensitive words the gym keeps.
 */
public final class DeskHealthNotes {

    private final Transactions tx;
    private final MemberRepository members;
    private final HealthNotesCipher cipher;
    private final RolePermissions rolePermissions;
    private final AuditLog audit;

    public DeskHealthNotes(Transactions tx, MemberRepository members, HealthNotesCipher cipher,
                           RolePermissions rolePermissions, AuditLog audit) {
        this.tx = tx;
        this.members = members;
        this.cipher = cipher;
        this.rolePermissions = rolePermissions;
        this.audit = audit;
    }

    /** The notes for the staff member {@code actor} at a desk; 403 without HEALTH_NOTES, 404 for an unknown member. */
    public HealthNotesView read(UserId actor, MemberId member) {
        return tx.inTransaction(session -> {
            UserAccount user = session.find(UserAccount.class, actor.value());
            if (user == null || !user.active || !user.role.isStaff()) {
                throw ApiException.forbidden();
            }
            Caller caller = new Caller(actor, user.role, Optional.empty(),
                    Optional.ofNullable(user.zoneId).map(ZoneId::of), rolePermissions.of(session, user.role));
            if (!caller.can(Permission.HEALTH_NOTES)) {
                throw ApiException.forbidden();
            }
            MemberVisibility.require(session, caller, member.value()); // need to know: a trainer's own members
            MemberRecord m = members.find(session, member.value());
            if (m == null) {
                throw ApiException.notFound("Member");
            }
            audit.record(session, caller, "HEALTH_NOTES_READ_AT_DESK", "Member", m.id, null, null);
            return new HealthNotesView(member, m.healthNotesEncrypted == null ? null : cipher.decrypt(m.healthNotesEncrypted));
        });
    }
}
