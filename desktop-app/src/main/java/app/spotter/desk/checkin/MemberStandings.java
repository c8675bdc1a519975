package app.spotter.desk.checkin;

import app.spotter.client.Desk;
import app.spotter.client.outbox.Outbox;
import app.spotter.client.store.DeskJson;
import app.spotter.client.store.Feed;
import app.spotter.client.store.Mirror;
import app.spotter.client.store.Rows;
import app.spotter.model.common.MemberId;
import app.spotter.model.common.MembershipId;
import app.spotter.model.membership.MembershipSnapshot;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plan and credits the result panel shows beside a door decision, read from the desk's store
 * as the shared rules saw them (confirmed rows plus pending spends).
 */
public final class MemberStandings {

    /** @param credits credits left on a class pack; null for plans without credits */
    public record Standing(String planName, Integer credits) {
        public static final Standing NONE = new Standing(null, null);
    }

    private final Desk desk;
    private final Mirror mirror = new Mirror(DeskJson.mapper());
    private final Outbox outbox = new Outbox(DeskJson.mapper(), Clock.systemUTC());

    public MemberStandings(Desk desk) {
        this.desk = desk;
    }

    /** The standing on the membership the decision used, else on the one the shared rules would pick today. */
    public Standing of(MemberId memberId, MembershipId used) {
        return desk.store().inTransaction(session -> {
            List<MembershipSnapshot> memberships = desk.members().memberships(session, memberId,
                    outbox.unconfirmed(session));
            Optional<MembershipSnapshot> shown = memberships.stream()
                    .filter(m -> used != null && m.id().equals(used)).findFirst()
                    .or(() -> app.spotter.model.membership.MembershipRules.best(memberships, java.time.LocalDate.now()));
            if (shown.isEmpty()) {
                return Standing.NONE;
            }
            MembershipSnapshot m = shown.get();
            String plan = mirror.find(session, Feed.MEMBERSHIP, m.id())
                    .flatMap(row -> mirror.find(session, Feed.PLAN, Rows.text(row, "planId")))
                    .map(MemberStandings::planName)
                    .orElse(null);
            return new Standing(plan, m.creditsLeft());
        });
    }

    private static String planName(Map<String, Object> plan) {
        String name = Rows.text(plan, "name");
        return name != null ? name : Rows.text(plan, "kind");
    }
}
