package app.spotter.server.sync.appliers;

import app.spotter.model.access.Permission;
import app.spotter.model.api.MembershipsApi.NewMembership;
import app.spotter.model.sync.OperationPayload.AssignMembership;
import app.spotter.model.sync.OperationType;
import app.spotter.server.http.ApiException;
import app.spotter.server.memberships.MembershipRecord;
import app.spotter.server.memberships.MembershipService;
import app.spotter.server.sync.Applied;
import app.spotter.server.sync.Applying;
import app.spotter.server.sync.OperationApplier;
import java.time.ZoneOffset;
import org.hibernate.Session;

/** ASSIGN_MEMBERSHIP: the member on a plan under the desk's membership id (the same id again changes nothing). */
public final class AssignMembershipApplier implements OperationApplier {

    private final MembershipService memberships;

    public AssignMembershipApplier(MembershipService memberships) {
        this.memberships = memberships;
    }

    @Override
    public OperationType type() {
        return OperationType.ASSIGN_MEMBERSHIP;
    }

    @Override
    public Permission permission() {
        return Permission.MEMBERSHIPS_MANAGE;
    }

    @Override
    public Applied apply(Session session, Applying op) {
        AssignMembership p = (AssignMembership) op.payload();
        if (p.membershipId() == null) {
            throw ApiException.validation("membershipId", "membershipId is required");
        }
        if (p.memberId() == null) {
            throw ApiException.validation("memberId", "memberId is required");
        }
        if (session.find(MembershipRecord.class, p.membershipId().value()) != null) {
            return Applied.applied("ALREADY_ASSIGNED");
        }
        memberships.assign(op.actor(), p.memberId(), p.membershipId(), new NewMembership(p.planId(), p.startsOn()),
                ZoneOffset.UTC);
        return Applied.applied();
    }
}
