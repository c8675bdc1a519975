package app.spotter.model.membership;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a membership stands on a day, and which of a member's memberships the desk should use.
 *
 * <p>Pure functions: the day is passed in, nothing is read from a clock or a database, so the
 * desk (offline) and the server (online) reach the same answer.
 */
public final class MembershipRules {

    private MembershipRules() {
    }

    /**
     * The last day of a membership on a plan starting on {@code startsOn}: a month or a year less a
     * day for recurring plans; {@code durationDays} for trials, packs and drop-ins (null: no end).
     * The server sets it on assignment; a desk uses it for a plan assigned offline.
     */
    public static LocalDate periodEnd(PlanKind kind, Integer durationDays, LocalDate startsOn) {
        Objects.requireNonNull(startsOn, "startsOn");
        return switch (kind) {
            case RECURRING_MONTHLY -> startsOn.plusMonths(1).minusDays(1);
            case RECURRING_ANNUAL -> startsOn.plusYears(1).minusDays(1);
            case TRIAL, CLASS_PACK, DROP_IN -> durationDays == null ? null : startsOn.plusDays(durationDays - 1L);
        };
    }

    /**
     * The standing of a membership on a day. The first match wins:
     * <ol>
     *   <li>status CANCELLED: {@link Standing#CANCELLED};
     *   <li>status FROZEN, or a freeze covering the day: {@link Standing#FROZEN};
     *   <li>the day is before {@code startsOn}: {@link Standing#NOT_STARTED};
     *   <li>status EXPIRED, or the day is after {@code endsOn}: {@link Standing#EXPIRED};
     *   <li>otherwise {@link Standing#ACTIVE} (a TRIAL counts as active).
     * </ol>
     */
    public static Standing standingOn(MembershipSnapshot membership, LocalDate day) {
        Objects.requireNonNull(day, "day");
        if (membership.status() == MembershipStatus.CANCELLED) {
            return Standing.CANCELLED;
        }
        if (membership.status() == MembershipStatus.FROZEN
                || membership.freezes().stream().anyMatch(freeze -> freeze.covers(day))) {
            return Standing.FROZEN;
        }
        if (day.isBefore(membership.startsOn())) {
            return Standing.NOT_STARTED;
        }
        if (membership.status() == MembershipStatus.EXPIRED
                || (membership.endsOn() != null && day.isAfter(membership.endsOn()))) {
            return Standing.EXPIRED;
        }
        return Standing.ACTIVE;
    }

    /**
     * How many days have passed since the membership's last day: 1 on the day after
     * {@code endsOn}, 0 while it has not ended or when it has no end date.
     */
    public static long daysExpired(MembershipSnapshot membership, LocalDate day) {
        LocalDate endsOn = membership.endsOn();
        if (endsOn == null || !day.isAfter(endsOn)) {
            return 0;
        }
        return ChronoUnit.DAYS.between(endsOn, day);
    }

    /**
     * The membership the desk should use on that day, empty only when there is none at all.
     *
     * <p>Preference, best first:
     * <ol>
     *   <li>ACTIVE with unlimited visits;
     *   <li>ACTIVE with credits left;
     *   <li>ACTIVE with no credits left;
     *   <li>FROZEN;
     *   <li>EXPIRED, the most recently ended first (no end date last);
     *   <li>NOT_STARTED, the one starting soonest first;
     *   <li>CANCELLED.
     * </ol>
     * Among active ones, the one ending soonest comes first, so that credits which would lapse
     * are spent first; among frozen and cancelled ones the most recently started comes first.
     * Remaining ties are broken by id, so every replica picks the same membership.
     *
     * <p>A membership that is not the best is still returned when nothing better exists: the
     * desk uses it to say why the member is refused ("membership frozen").
     */
    public static Optional<MembershipSnapshot> best(List<MembershipSnapshot> memberships, LocalDate day) {
        Objects.requireNonNull(day, "day");
        return memberships.stream()
                .map(membership -> new Candidate(membership, standingOn(membership, day)))
                .min(PREFERENCE)
                .map(Candidate::membership);
    }

    /** A membership with its standing worked out once, so sorting does not recompute it. */
    private record Candidate(MembershipSnapshot membership, Standing standing) {

        int rank() {
            return switch (standing) {
                case ACTIVE -> {
                    Integer credits = membership.creditsLeft();
                    if (credits == null) {
                        yield 0;
                    }
                    yield credits > 0 ? 1 : 2;
                }
                case FROZEN -> 3;
                case EXPIRED -> 4;
                case NOT_STARTED -> 5;
                case CANCELLED -> 6;
            };
        }

        /** Orders candidates of the same rank; smaller is better. */
        int compareWithinRank(Candidate other) {
            MembershipSnapshot a = membership;
            MembershipSnapshot b = other.membership;
            return switch (standing) {
                case ACTIVE -> Comparator.nullsLast(Comparator.<LocalDate>naturalOrder())
                        .compare(a.endsOn(), b.endsOn());
                case EXPIRED -> Comparator.nullsLast(Comparator.<LocalDate>reverseOrder())
                        .compare(a.endsOn(), b.endsOn());
                case NOT_STARTED -> a.startsOn().compareTo(b.startsOn());
                case FROZEN, CANCELLED -> b.startsOn().compareTo(a.startsOn());
            };
        }
    }

    private static final Comparator<Candidate> PREFERENCE = Comparator.comparingInt(Candidate::rank)
            .thenComparing(Candidate::compareWithinRank)
            .thenComparing(candidate -> candidate.membership().id().value());
}
