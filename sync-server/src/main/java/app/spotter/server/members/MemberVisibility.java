package app.spotter.server.members;

import app.spotter.model.access.Permission;
import app.spotter.model.booking.BookingStatus;
import app.spotter.server.auth.Caller;
import app.spotter.server.http.ApiException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.Session;

/**
 * Need to know, written once: which members a caller may see. Every route that shows member data
 * (profile, search, attendance, memberships, bookings, a slot's bookings, check-ins, feedback, health
 * notes at the API and at a desk) asks here.
 *
 * <ul>
 *   <li>MEMBERS_READ (and the system, a null caller): every member;
 *   <li>MEMBERS_READ_BOOKED (trainers): the members with a booking that is not cancelled in a slot
 *       they teach (the slot's trainer, else its session's); anyone else answers 404 NOT_FOUND, as an
 *       unknown member does, so a trainer cannot even learn that a member exists;
 *   <li>a member: themselves; anyone else 403, as before.
 * </ul>
 * Stateless: each call takes the unit of work's session.
 */
public final class MemberVisibility {

    /** Bookings that make a member one of the trainer's: seat, waitlist place, attended or no-show. */
    private static final List<String> COUNTING = List.of(BookingStatus.BOOKED.name(), BookingStatus.WAITLISTED.name(),
            BookingStatus.ATTENDED.name(), BookingStatus.NO_SHOW.name());

    /** HQL: the members booked with {@code :trainer}; slots without a trainer of their own are the session's. */
    private static final String BOOKED_WITH_TRAINER = """
            select b.memberId from BookingRecord b, TimeSlotRecord t, SessionRecord s
            where b.slotId = t.id and t.sessionId = s.id and b.status in :counting
              and (t.trainerId = :trainer or (t.trainerId is null and s.trainerId = :trainer))""";

    private MemberVisibility() {
    }

    /** Whether the caller sees every member. */
    public static boolean seesAll(Caller caller) {
        return caller == null || caller.can(Permission.MEMBERS_READ);
    }

    /** Whether the caller sees this member. */
    public static boolean canSee(Session session, Caller caller, UUID member) {
        if (seesAll(caller) || caller.is(new app.spotter.model.common.MemberId(member))) {
            return true;
        }
        return caller.can(Permission.MEMBERS_READ_BOOKED) && !bookedWith(session, caller, List.of(member)).isEmpty();
    }

    /** Refuses a member the caller does not see: 404 for a trainer (as if unknown), 403 for anyone else. */
    public static void require(Session session, Caller caller, UUID member) {
        if (!canSee(session, caller, member)) {
            throw hidden(caller, "Member");
        }
    }

    /** The answer for something outside the caller's sight. */
    public static ApiException hidden(Caller caller, String what) {
        return caller != null && caller.can(Permission.MEMBERS_READ_BOOKED) ? ApiException.notFound(what)
                : ApiException.forbidden();
    }

    /** The rows whose member the caller sees, in order; rows without a member only for those who see all. */
    public static <T> List<T> filter(Session session, Caller caller, List<T> rows, Function<T, UUID> memberOf) {
        if (seesAll(caller)) {
            return rows;
        }
        Set<UUID> members = new HashSet<>();
        rows.stream().map(memberOf).filter(java.util.Objects::nonNull).forEach(members::add);
        Set<UUID> visible = new HashSet<>();
        caller.memberId().map(m -> m.value()).filter(members::contains).ifPresent(visible::add);
        if (caller.can(Permission.MEMBERS_READ_BOOKED)) {
            visible.addAll(bookedWith(session, caller, members));
        }
        return rows.stream().filter(r -> memberOf.apply(r) != null && visible.contains(memberOf.apply(r))).toList();
    }

    /**
     * The HQL condition "member {@code alias}.id is one of the trainer's", with its parameters set by
     * {@link #bindScope}; for searches that must page in the database. Null when the caller sees all.
     */
    public static String scopeCondition(Caller caller, String memberIdPath) {
        if (seesAll(caller)) {
            return null;
        }
        if (!caller.can(Permission.MEMBERS_READ_BOOKED)) {
            return "1 = 0";
        }
        return memberIdPath + " in (" + BOOKED_WITH_TRAINER + ")";
    }

    public static void bindScope(org.hibernate.query.SelectionQuery<?> query, Caller caller) {
        if (!seesAll(caller) && caller.can(Permission.MEMBERS_READ_BOOKED)) {
            query.setParameter("trainer", caller.userId().value()).setParameterList("counting", COUNTING);
        }
    }

    /**
     * Refuses a session (or slot) the caller does not teach when they do not see every member: its
     * bookings and feedback are member data. {@code trainers} are the slot's and the session's trainer.
     */
    public static void requireTaught(Caller caller, String what, UUID... trainers) {
        if (seesAll(caller)) {
            return;
        }
        UUID me = caller.userId().value();
        UUID teacher = null;
        for (UUID t : trainers) {
            if (t != null) {
                teacher = t;
                break;
            }
        }
        if (!caller.can(Permission.MEMBERS_READ_BOOKED) || !me.equals(teacher)) {
            throw hidden(caller, what);
        }
    }

    private static Set<UUID> bookedWith(Session session, Caller caller, Collection<UUID> members) {
        if (members.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(session.createSelectionQuery(BOOKED_WITH_TRAINER + " and b.memberId in :members", UUID.class)
                .setParameter("trainer", caller.userId().value())
                .setParameterList("counting", COUNTING)
                .setParameterList("members", members)
                .getResultList());
    }
}
