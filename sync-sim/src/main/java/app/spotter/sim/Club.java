package app.spotter.sim;

import app.spotter.client.store.DeskStore;
import app.spotter.client.store.DeviceState;
import app.spotter.model.common.MemberId;
import app.spotter.model.membership.MembershipStatus;
import app.spotter.model.membership.PlanKind;
import app.spotter.server.SpotterApp;
import app.spotter.server.members.MemberRecord;
import app.spotter.server.memberships.MembershipRecord;
import app.spotter.server.plans.PlanRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Arranges a club's members in bulk on the server, straight through Hibernate in batches. */
public final class Club {

    private Club() {
    }

    /** A member and their membership. */
    public record Member(MemberId id, java.util.UUID membershipId) {
    }

    /** {@code count} members, each with an active unlimited membership from last month. */
    public static List<MemberId> bulkMembers(SpotterApp app, int count) {
        return bulkMembersWithMemberships(app, count).stream().map(Member::id).toList();
    }

    public static List<Member> bulkMembersWithMemberships(SpotterApp app, int count) {
        UUID plan = UUID.randomUUID();
        app.services().tx().run(s -> {
            PlanRecord p = new PlanRecord();
            p.id = plan;
            p.name = "Unlimited " + plan.toString().substring(0, 6);
            p.kind = PlanKind.RECURRING_MONTHLY.name();
            p.priceMinor = 4900;
            p.currency = "EUR";
            p.active = true;
            p.createdAt = Instant.now();
            s.persist(p);
        });
        List<Member> out = new ArrayList<>(count);
        String batch = UUID.randomUUID().toString().substring(0, 6);
        for (int from = 0; from < count; from += 2000) {
            int start = from;
            int end = Math.min(count, from + 2000);
            app.services().tx().run(s -> {
                Instant now = Instant.now();
                for (int i = start; i < end; i++) {
                    MemberRecord m = new MemberRecord();
                    m.id = UUID.randomUUID();
                    m.memberNumber = "C" + batch + "-" + i;
                    m.firstName = "Club";
                    m.lastName = "Member " + i;
                    m.createdAt = now;
                    m.updatedAt = now;
                    s.persist(m);
                    MembershipRecord ms = new MembershipRecord();
                    ms.id = UUID.randomUUID();
                    ms.memberId = m.id;
                    ms.planId = plan;
                    ms.status = MembershipStatus.ACTIVE.name();
                    ms.startsOn = LocalDate.now().minusDays(30);
                    ms.versionVector = "";
                    ms.createdAt = now;
                    s.persist(ms);
                    out.add(new Member(new MemberId(m.id), ms.id));
                    if (i % 500 == 0) {
                        s.flush();
                        s.clear();
                    }
                }
            });
        }
        return out;
    }

    public static String deviceId(DeskStore store) {
        return store.inTransaction(s -> s.find(DeviceState.class, DeviceState.ID).deviceId);
    }
}
