package app.spotter.server.sync.appliers;

import app.spotter.model.access.Permission;
import app.spotter.model.api.MembershipsApi.UnfreezeRequest;
import app.spotter.model.sync.OperationPayload.UnfreezeMembership;
import app.spotter.model.sync.OperationType;
import app.spotter.server.http.ApiException;
import app.spotter.server.memberships.MembershipService;
import app.spotter.server.sync.Applied;
import app.spotter.server.sync.Applying;
import app.spotter.server.sync.OperationApplier;
import java.time.ZoneOffset;
import org.hibernate.Session;

/** UNFREEZE_MEMBERSHIP: the ordinary unfreeze (the freeze covering the day ends the day before). */
public final class UnfreezeMembershipApplier implements OperationApplier {

    private final MembershipService memberships;

    public UnfreezeMembershipApplier(MembershipService memberships) {
        this.memberships = memberships;
    }

    @Override
    public OperationType type() {
        return OperationType.UNFREEZE_MEMBERSHIP;
    }

    @Override
    public Permission permission() {
        return Permission.MEMBERSHIPS_MANAGE;
    }

    @Override
    public Applied apply(Session session, Applying op) {
        UnfreezeMembership p = (UnfreezeMembership) op.payload();
        if (p.membershipId() == null) {
            throw ApiException.validation("membershipId", "membershipId is required");
        }
        memberships.unfreeze(op.actor(), p.membershipId(), new UnfreezeRequest(p.on()), ZoneOffset.UTC);
        return Applied.applied();
    }
}
