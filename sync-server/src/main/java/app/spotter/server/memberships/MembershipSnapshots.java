package app.spotter.server.memberships;

import app.spotter.model.common.MemberId;
import app.spotter.model.membership.MembershipSnapshot;
import java.util.List;
import org.hibernate.Session;

/**
 * A member's memberships as the shared rules must see them right now: plan changes that have come
 * due are applied first, so a booking or a check-in never decides on yesterday's plan.
 */
@FunctionalInterface
public interface MembershipSnapshots {
    List<MembershipSnapshot> current(Session session, MemberId member);
}
