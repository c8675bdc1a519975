package app.spotter.server.memberships;

import app.spotter.model.api.MembershipsApi.NewMembership;
import app.spotter.model.common.MemberId;
import app.spotter.model.common.PlanId;
import app.spotter.model.membership.PlanKind;
import app.spotter.server.members.MemberSignup;
import app.spotter.server.plans.PlanRecord;
import app.spotter.server.plans.PlanRepository;
import java.time.ZoneOffset;
import org.hibernate.Session;

/**
 * Public registration: a member on no membership, or on the plan the gym marks as its free trial
 * (with the end date of the plan's length), once per person: not when the member, or any member
 * with the same e-mail, was ever on a trial. Membership rules and audit are those of
 * {@link MembershipService#assign}; the system is the actor.
 */
public final class FreeTrialSignup implements MemberSignup {

    private final MemberSignup members;
    private final PlanRepository plans;
    private final MembershipService memberships;

    public FreeTrialSignup(MemberSignup members, PlanRepository plans, MembershipService memberships) {
        this.members = members;
        this.plans = plans;
        this.memberships = memberships;
    }

    @Override
    public MemberId createForSignup(Session session, String fullName, String email) {
        return members.createForSignup(session, fullName, email);
    }

    @Override
    public MemberId createForPublicSignup(Session session, String fullName, String email) {
        MemberId member = members.createForSignup(session, fullName, email);
        PlanRecord trial = plans.freeTrial(session);
        if (trial != null && !hadTrial(session, member, email)) {
            // starts today in the member's (the server's) zone; the trial plan's length sets its end
            memberships.assign(null, member, new NewMembership(new PlanId(trial.id), null), ZoneOffset.UTC);
        }
        return member;
    }

    /** Any membership on a trial plan (TRIAL kind or marked as the free trial) of this member or this e-mail. */
    private static boolean hadTrial(Session session, MemberId member, String email) {
        String normalized = email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
        return session.createSelectionQuery("select count(m) from MembershipRecord m, PlanRecord p, MemberRecord x"
                        + " where m.planId = p.id and m.memberId = x.id and (p.freeTrial = true or p.kind = :trial)"
                        + " and (x.id = :member or lower(x.email) = :email)", Long.class)
                .setParameter("trial", PlanKind.TRIAL.name())
                .setParameter("member", member.value())
                .setParameter("email", normalized)
                .getSingleResult() > 0;
    }
}
