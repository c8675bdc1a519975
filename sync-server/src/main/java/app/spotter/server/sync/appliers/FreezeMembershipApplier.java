package app.spotter.server.sync.appliers;

import app.spotter.model.access.Permission;
import app.spotter.model.api.MembershipsApi.FreezeRequest;
import app.spotter.model.sync.OperationPayload.FreezeMembership;
import app.spotter.model.sync.OperationType;
import app.spotter.server.http.ApiException;
import app.spotter.server.memberships.MembershipService;
import app.spotter.server.sync.Applied;
import app.spotter.server.sync.Applying;
import app.spotter.server.sync.OperationApplier;
import java.time.ZoneOffset;
import org.hibernate.Session;

/** FREEZE_MEMBERSHIP: the ordinary freeze, with its rules (length, overlap, within the membership). */
public final class FreezeMembershipApplier implements OperationApplier {

    private final MembershipService memberships;

    public FreezeMembershipApplier(MembershipService memberships) {
        this.memberships = memberships;
    }

    @Override
    public OperationType type() {
        return OperationType.FREEZE_MEMBERSHIP;
    }

    @Override
    public Permission permission() {
        return Permission.MEMBERSHIPS_MANAGE;
    }

    @Override
    public Applied apply(Session session, Applying op) {
        FreezeMembership p = (FreezeMembership) op.payload();
        if (p.membershipId() == null) {
            throw ApiException.validation("membershipId", "membershipId is required");
        }
        memberships.freeze(op.actor(), p.membershipId(), new FreezeRequest(p.from(), p.to()), ZoneOffset.UTC);
        return Applied.applied();
    }
}
