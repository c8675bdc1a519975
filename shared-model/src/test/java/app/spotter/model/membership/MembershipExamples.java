package app.spotter.model.membership;

import app.spotter.model.common.MemberId;
import app.spotter.model.common.MembershipId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Memberships for tests, started from a plain one and changed one part at a time. */
public final class MembershipExamples {

    public static final MemberId MEMBER = MemberId.of("00000000-0000-4000-8000-000000000001");
    public static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);

    private MembershipExamples() {
    }

    /** An unlimited monthly membership, active since 1 January 2026, until cancelled. */
    public static MembershipSnapshot monthly() {
        return new MembershipSnapshot(MembershipId.random(), MEMBER, PlanKind.RECURRING_MONTHLY,
                MembershipStatus.ACTIVE, JAN_1, null, List.of(), null);
    }

    /** A class pack with the given credits, active through 2026. */
    public static MembershipSnapshot classPack(int credits) {
        return new MembershipSnapshot(MembershipId.random(), MEMBER, PlanKind.CLASS_PACK,
                MembershipStatus.ACTIVE, JAN_1, LocalDate.of(2026, 12, 31), List.of(), credits);
    }

    public static MembershipSnapshot withStatus(MembershipSnapshot m, MembershipStatus status) {
        return new MembershipSnapshot(m.id(), m.memberId(), m.planKind(), status, m.startsOn(), m.endsOn(),
                m.freezes(), m.creditsLeft());
    }

    public static MembershipSnapshot withDates(MembershipSnapshot m, LocalDate startsOn, LocalDate endsOn) {
        return new MembershipSnapshot(m.id(), m.memberId(), m.planKind(), m.status(), startsOn, endsOn,
                m.freezes(), m.creditsLeft());
    }

    public static MembershipSnapshot withFreeze(MembershipSnapshot m, LocalDate from, LocalDate to) {
        List<FreezePeriod> freezes = new ArrayList<>(m.freezes());
        freezes.add(new FreezePeriod(from, to));
        return new MembershipSnapshot(m.id(), m.memberId(), m.planKind(), m.status(), m.startsOn(), m.endsOn(),
                freezes, m.creditsLeft());
    }

    public static MembershipSnapshot withId(MembershipSnapshot m, String uuid) {
        return new MembershipSnapshot(MembershipId.of(uuid), m.memberId(), m.planKind(), m.status(), m.startsOn(),
                m.endsOn(), m.freezes(), m.creditsLeft());
    }
}
