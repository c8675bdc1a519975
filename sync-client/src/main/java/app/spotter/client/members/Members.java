package app.spotter.client.members;

import app.spotter.client.outbox.LocalChanges;
import app.spotter.client.outbox.LocalEffect;
import app.spotter.client.outbox.Outbox;
import app.spotter.client.outbox.PendingOperation;
import app.spotter.client.store.Feed;
import app.spotter.client.store.Mirror;
import app.spotter.client.store.Rows;
import app.spotter.model.common.LocationId;
import app.spotter.model.common.MemberId;
import app.spotter.model.common.MembershipId;
import app.spotter.model.common.PlanId;
import app.spotter.model.common.UserId;
import app.spotter.model.membership.FreezePeriod;
import app.spotter.model.membership.MembershipSnapshot;
import app.spotter.model.membership.MembershipStatus;
import app.spotter.model.membership.PlanKind;
import app.spotter.model.sync.OperationPayload;
import app.spotter.model.sync.SyncApi;
import app.spotter.model.sync.VersionVector;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Members at the desk: sign-ups, profile edits and freezes as outbox operations, and the member's
 * memberships as the shared rules must see them (confirmed rows plus what is still pending).
 */
public final class Members {

    private final LocalChanges changes;
    private final Mirror mirror;
    private final Outbox outbox;

    public Members(LocalChanges changes, Mirror mirror, Outbox outbox) {
        this.changes = changes;
        this.mirror = mirror;
        this.outbox = outbox;
    }

    /** Signs up a member; the id is minted here so the desk's row and the server's are the same. */
    public MemberId register(UserId actor, NewMember member) {
        return register(actor, member, null, null);
    }

    /**
     * Signs up a member and, with a plan, puts them on it from {@code startsOn}: two operations in one
     * local transaction, so the member can walk in at once (the membership is minted here as well).
     */
    public MemberId register(UserId actor, NewMember member, PlanId plan, LocalDate startsOn) {
        Objects.requireNonNull(member.firstName(), "firstName");
        Objects.requireNonNull(member.lastName(), "lastName");
        MemberId id = new MemberId(outbox.newId());
        changes.decide(session -> {
            String location = LocalChanges.device(session).locationId;
            UUID op = outbox.append(session, actor, new OperationPayload.RegisterMember(id, member.firstName(),
                            member.lastName(), member.email(), member.phone(), member.dateOfBirth(),
                            location == null ? null : LocationId.of(location)),
                    Map.of(), LocalEffect.NONE);
            if (plan != null) {
                if (mirror.find(session, Feed.PLAN, plan).isEmpty()) {
                    throw new IllegalArgumentException("Unknown plan " + plan);
                }
                op = outbox.append(session, actor, new OperationPayload.AssignMembership(MembershipId.random(), id, plan,
                        Objects.requireNonNull(startsOn, "startsOn")), Map.of(), LocalEffect.NONE);
            }
            return op;
        });
        return id;
    }

    /** Ends the freeze covering {@code on} (the day before it is the freeze's last day). */
    public UUID unfreezeMembership(UserId actor, MembershipId membershipId, LocalDate on) {
        Objects.requireNonNull(on, "on");
        return changes.decide(session -> {
            Map<String, Object> row = mirror.find(session, Feed.MEMBERSHIP, membershipId)
                    .orElseThrow(() -> new IllegalArgumentException("Unknown membership " + membershipId));
            return outbox.append(session, actor, new OperationPayload.UnfreezeMembership(membershipId, on),
                    Map.of(membershipId.toString(), VersionVector.parse(Rows.text(row, "versionVector"))),
                    LocalEffect.NONE);
        });
    }

    /** The name of this desk's location (the gym's name on a member card); empty before the first pull. */
    public Optional<String> locationName() {
        return changes.read(session -> mirror.find(session, Feed.LOCATION, LocalChanges.device(session).locationId)
                .map(row -> Rows.text(row, "name")));
    }

    /** The plans a member can be signed up on, by name. */
    public List<PlanChoice> plans() {
        return changes.read(session -> mirror.all(session, Feed.PLAN).stream()
                .filter(p -> !Boolean.FALSE.equals(p.get("active")))
                .map(p -> new PlanChoice(PlanId.of(Rows.text(p, "id")),
                        Objects.requireNonNullElse(Rows.text(p, "name"), Rows.text(p, "kind")),
                        PlanKind.valueOf(Rows.text(p, "kind")),
                        p.get("credits") == null ? null : Rows.integer(p, "credits", 0)))
                .sorted(java.util.Comparator.comparing(PlanChoice::name, String.CASE_INSENSITIVE_ORDER))
                .toList());
    }

    /** Members already here with this e-mail address (confirmed, or signed up here and pending). */
    public List<MemberView> withEmail(String email) {
        if (email == null || email.isBlank()) {
            return List.of();
        }
        String wanted = email.strip().toLowerCase(java.util.Locale.ROOT);
        return changes.read(session -> {
            List<PendingOperation> ops = outbox.unconfirmed(session);
            List<MemberView> found = new ArrayList<>();
            for (Map<String, Object> row : mirror.membersByEmail(session, wanted)) {
                find(session, MemberId.of(Rows.text(row, "id")), ops).ifPresent(found::add);
            }
            for (PendingOperation op : ops) {
                if (op.isPending() && op.payload() instanceof OperationPayload.RegisterMember r && r.email() != null
                        && r.email().strip().toLowerCase(java.util.Locale.ROOT).equals(wanted)
                        && found.stream().noneMatch(m -> m.id().equals(r.memberId()))) {
                    find(session, r.memberId(), ops).ifPresent(found::add);
                }
            }
            return found;
        });
    }

    /** The member's memberships as the member pane shows them, the one the door would use first. */
    public List<MembershipView> membershipsOf(MemberId memberId, LocalDate today) {
        return changes.read(session -> {
            List<PendingOperation> ops = outbox.unconfirmed(session);
            List<MembershipSnapshot> snapshots = memberships(session, memberId, ops);
            Optional<MembershipSnapshot> best = app.spotter.model.membership.MembershipRules.best(snapshots, today);
            List<MembershipView> views = new ArrayList<>();
            for (MembershipSnapshot m : snapshots) {
                String planId = mirror.find(session, Feed.MEMBERSHIP, m.id()).map(row -> Rows.text(row, "planId"))
                        .orElseGet(() -> pendingAssignment(ops, m.id()).map(a -> a.planId().toString()).orElse(null));
                String planName = mirror.find(session, Feed.PLAN, planId)
                        .map(p -> Objects.requireNonNullElse(Rows.text(p, "name"), Rows.text(p, "kind")))
                        .orElse(m.planKind().name());
                boolean pending = ops.stream().anyMatch(op -> op.isPending() && touches(op.payload(), m.id()));
                views.add(new MembershipView(m, planName, app.spotter.model.membership.MembershipRules.standingOn(m, today),
                        m.freezes().stream().filter(f -> f.covers(today)).findFirst(), pending));
            }
            views.sort(java.util.Comparator.comparing(v -> best.map(b -> !b.id().equals(v.snapshot().id())).orElse(true)));
            return views;
        });
    }

    /**
     * The signed code of the member's current card as the server put it on the member's row: any
     * desk verifies it offline with the gym's public key. Empty for a member the server has not
     * confirmed yet (the server signs; a desk cannot).
     */
    public Optional<String> cardCode(MemberId memberId) {
        return changes.read(session -> mirror.find(session, Feed.MEMBER, memberId)
                .map(row -> Rows.text(row, "cardCode")));
    }

    /**
     * Changes profile fields (name to new value, null clears). The operation carries the version
     * the desk saw, so a field changed elsewhere meanwhile becomes a conflict, not an overwrite.
     *
     * @throws IllegalArgumentException if the member is unknown here
     */
    public UUID edit(UserId actor, MemberId memberId, Map<String, String> fieldChanges) {
        return changes.decide(session -> {
            MemberView member = find(session, memberId, outbox.unconfirmed(session))
                    .orElseThrow(() -> new IllegalArgumentException("Unknown member " + memberId));
            return outbox.append(session, actor, new OperationPayload.EditMember(memberId, new LinkedHashMap<>(fieldChanges)),
                    Map.of(memberId.toString(), member.versionVector()), LocalEffect.NONE);
        });
    }

    /** Freezes a membership for the given days (inclusive). */
    public UUID freezeMembership(UserId actor, MembershipId membershipId, LocalDate from, LocalDate to) {
        new FreezePeriod(from, to); // validates the days before anything is queued
        return changes.decide(session -> {
            Map<String, Object> row = mirror.find(session, Feed.MEMBERSHIP, membershipId)
                    .orElseThrow(() -> new IllegalArgumentException("Unknown membership " + membershipId));
            return outbox.append(session, actor, new OperationPayload.FreezeMembership(membershipId, from, to),
                    Map.of(membershipId.toString(), VersionVector.parse(Rows.text(row, "versionVector"))),
                    LocalEffect.NONE);
        });
    }

    public Optional<MemberView> find(MemberId memberId) {
        return changes.read(session -> find(session, memberId, outbox.unconfirmed(session)));
    }

    /** The member with that printed number (members signed up here get theirs from the server). */
    public Optional<MemberView> byNumber(String memberNumber) {
        return changes.read(session -> mirror.memberByNumber(session, memberNumber)
                .flatMap(row -> find(session, MemberId.of(Rows.text(row, "id")), outbox.unconfirmed(session))));
    }

    /**
     * Members found by what the counter hears: a name (first or last name starting with the text,
     * or "first last" / "last first"), the end of a phone number, or a member number; pending
     * sign-ups included. Every lookup goes through an index of the mirror, so it stays fast with
     * tens of thousands of members.
     */
    public List<MemberView> search(String text, int limit) {
        String query = text == null ? "" : text.strip();
        return changes.read(session -> {
            List<PendingOperation> ops = outbox.unconfirmed(session);
            Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
            boolean phoneLike = PHONE_LIKE.matcher(query).matches();
            if (phoneLike) {
                mirror.memberByNumber(session, query).ifPresent(r -> rows.put(Rows.text(r, "id"), r));
                mirror.membersByPhone(session, query, limit).forEach(r -> rows.putIfAbsent(Rows.text(r, "id"), r));
            } else {
                String[] words = query.toLowerCase(java.util.Locale.ROOT).split("\\s+", 2);
                if (words.length == 2) {
                    for (Map<String, Object> r : mirror.membersByFullName(session, words[0], words[1], limit)) {
                        rows.putIfAbsent(Rows.text(r, "id"), r);
                    }
                    for (Map<String, Object> r : mirror.membersByFullName(session, words[1], words[0], limit)) {
                        rows.putIfAbsent(Rows.text(r, "id"), r);
                    }
                } else {
                    List<Map<String, Object>> byName = new ArrayList<>(mirror.membersByLastName(session, query, limit));
                    byName.addAll(mirror.membersByFirstName(session, query, limit));
                    byName.sort(java.util.Comparator.comparing((Map<String, Object> r) -> lower(Rows.text(r, "lastName")))
                            .thenComparing(r -> lower(Rows.text(r, "firstName"))));
                    byName.forEach(r -> rows.putIfAbsent(Rows.text(r, "id"), r));
                }
            }
            List<MemberView> found = new ArrayList<>();
            for (String id : rows.keySet()) {
                find(session, MemberId.of(id), ops).ifPresent(found::add);
            }
            // Sign-ups and edits made here are found by what they say before the server has them back.
            for (PendingOperation op : ops) {
                MemberId changed = !op.isPending() ? null
                        : op.payload() instanceof OperationPayload.RegisterMember r ? r.memberId()
                        : op.payload() instanceof OperationPayload.EditMember e ? e.memberId() : null;
                if (changed != null && found.stream().noneMatch(m -> m.id().equals(changed))) {
                    find(session, changed, ops).filter(m -> matches(m, query, phoneLike)).ifPresent(found::add);
                }
            }
            return found.stream().limit(limit).toList();
        });
    }

    /**
     * "Find a member": members whose names, member number, phone or e-mail contain every word of
     * the text (case-insensitive, any order), pending sign-ups included, by last name.
     */
    public List<MemberView> matching(String text, int limit) {
        String[] words = text == null ? new String[0] : text.strip().toLowerCase(java.util.Locale.ROOT).split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            return List.of();
        }
        // The database narrows by the longest word; every word must then match the member as shown.
        String narrowest = java.util.Arrays.stream(words).max(java.util.Comparator.comparingInt(String::length)).orElseThrow();
        // The indexed search's exact hits (number, phone ending, name prefixes) come first, so a full
        // phone number finds its member before the many whose digits merely contain it.
        List<MemberView> exact = search(text, limit);
        return changes.read(session -> {
            List<PendingOperation> ops = outbox.unconfirmed(session);
            Map<MemberId, MemberView> found = new LinkedHashMap<>();
            exact.forEach(m -> found.put(m.id(), m));
            for (Map<String, Object> row : mirror.membersMatching(session, narrowest, limit * 4)) {
                find(session, MemberId.of(Rows.text(row, "id")), ops)
                        .filter(m -> containsAll(m, words)).ifPresent(m -> found.put(m.id(), m));
            }
            for (PendingOperation op : ops) {
                if (op.isPending() && op.payload() instanceof OperationPayload.RegisterMember r
                        && !found.containsKey(r.memberId())) {
                    find(session, r.memberId(), ops).filter(m -> containsAll(m, words)).ifPresent(m -> found.put(m.id(), m));
                }
            }
            return found.values().stream().limit(limit).toList();
        });
    }

    private static boolean containsAll(MemberView m, String[] words) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("firstName", m.firstName());
        fields.put("lastName", m.lastName());
        fields.put("memberNumber", m.memberNumber());
        fields.put("phone", m.phone());
        fields.put("email", m.email());
        String text = Mirror.searchText(fields);
        for (String w : words) {
            if (!text.contains(w)) {
                return false;
            }
        }
        return true;
    }

    private static final java.util.regex.Pattern PHONE_LIKE = java.util.regex.Pattern.compile("\\+?[0-9][0-9 ()./-]*");

    private static boolean matches(MemberView m, String query, boolean phoneLike) {
        if (phoneLike) {
            String key = Mirror.phoneKey(query);
            String phone = Mirror.phoneKey(m.phone());
            return query.equals(m.memberNumber()) || key != null && phone != null && phone.startsWith(key);
        }
        String q = query.toLowerCase(java.util.Locale.ROOT);
        String full = lower(m.firstName()) + " " + lower(m.lastName());
        String reversed = lower(m.lastName()) + " " + lower(m.firstName());
        return startsWith(m.firstName(), q) || startsWith(m.lastName(), q) || full.startsWith(q) || reversed.startsWith(q);
    }

    private static boolean startsWith(String value, String prefix) {
        return value != null && value.toLowerCase(java.util.Locale.ROOT).startsWith(prefix.toLowerCase(java.util.Locale.ROOT));
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(java.util.Locale.ROOT);
    }

    private static Optional<OperationPayload.AssignMembership> pendingAssignment(List<PendingOperation> ops,
                                                                                 MembershipId id) {
        return ops.stream().map(PendingOperation::payload)
                .filter(p -> p instanceof OperationPayload.AssignMembership a && a.membershipId().equals(id))
                .map(p -> (OperationPayload.AssignMembership) p).findFirst();
    }

    private static boolean touches(OperationPayload payload, MembershipId id) {
        return payload instanceof OperationPayload.FreezeMembership f && f.membershipId().equals(id)
                || payload instanceof OperationPayload.UnfreezeMembership u && u.membershipId().equals(id)
                || payload instanceof OperationPayload.AssignMembership a && a.membershipId().equals(id);
    }

    /** The member as shown: confirmed profile, or a pending sign-up, with pending edits applied. */
    public Optional<MemberView> find(Session session, MemberId memberId, List<PendingOperation> ops) {
        Optional<Map<String, Object>> row = mirror.find(session, Feed.MEMBER, memberId);
        Map<String, Object> fields = new LinkedHashMap<>();
        boolean pending = false;
        UUID lastOp = null;
        if (row.isPresent()) {
            fields.putAll(row.get());
        }
        for (PendingOperation op : ops) {
            if (!op.isPending() && !(op.outcome() == SyncApi.OutcomeStatus.APPLIED && row.isEmpty())) {
                continue;
            }
            if (op.payload() instanceof OperationPayload.RegisterMember r && r.memberId().equals(memberId)
                    && row.isEmpty()) {
                fields.put("firstName", r.firstName());
                fields.put("lastName", r.lastName());
                fields.put("email", r.email());
                fields.put("phone", r.phone());
                fields.put("dateOfBirth", r.dateOfBirth() == null ? null : r.dateOfBirth().toString());
                pending = true;
                lastOp = op.opId();
            } else if (op.isPending() && op.payload() instanceof OperationPayload.EditMember e
                    && e.memberId().equals(memberId)) {
                fields.putAll(e.changes());
                pending = true;
                lastOp = op.opId();
            }
        }
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MemberView(memberId, Rows.text(fields, "memberNumber"), Rows.text(fields, "firstName"),
                Rows.text(fields, "lastName"), Rows.text(fields, "email"), Rows.text(fields, "phone"),
                Rows.date(fields, "dateOfBirth"), Rows.integer(fields, "cardVersion", 1),
                VersionVector.parse(Rows.text(fields, "versionVector")), pending, lastOp));
    }

    /**
     * The member's memberships for the shared rules: plan kind from the plan, credits as the sum of
     * the ledger minus what pending bookings and visits spent, pending freezes included.
     */
    public List<MembershipSnapshot> memberships(Session session, MemberId memberId, List<PendingOperation> ops) {
        List<MembershipSnapshot> snapshots = new ArrayList<>();
        for (Map<String, Object> m : mirror.byMember(session, Feed.MEMBERSHIP, memberId)) {
            MembershipId id = MembershipId.of(Rows.text(m, "id"));
            PlanKind kind = planKind(session, m);
            List<FreezePeriod> freezes = new ArrayList<>();
            for (Map<String, Object> f : mirror.byMembership(session, Feed.MEMBERSHIP_FREEZE, id)) {
                freezes.add(new FreezePeriod(Rows.date(f, "startsOn"), Rows.date(f, "endsOn")));
            }
            Integer credits = null;
            if (kind.usesCredits()) {
                int sum = 0;
                for (Map<String, Object> c : mirror.byMembership(session, Feed.CREDIT_ENTRY, id)) {
                    sum += Rows.integer(c, "delta", 0);
                }
                credits = sum - pendingCreditsSpent(session, id, ops);
            }
            for (PendingOperation op : ops) {
                if (op.isPending() && op.payload() instanceof OperationPayload.FreezeMembership f
                        && f.membershipId().equals(id)) {
                    freezes.add(new FreezePeriod(f.from(), f.to()));
                } else if (op.isPending() && op.payload() instanceof OperationPayload.UnfreezeMembership u
                        && u.membershipId().equals(id)) {
                    unfreeze(freezes, u.on());
                }
            }
            snapshots.add(new MembershipSnapshot(id, memberId, kind, MembershipStatus.valueOf(Rows.text(m, "status")),
                    Rows.date(m, "startsOn"), Rows.date(m, "endsOn"), freezes, credits));
        }
        // A plan assigned here (at sign-up) counts at the door before the server confirms it, as the
        // server will: ACTIVE (TRIAL for a trial) from its first day, a pack with the plan's credits.
        for (PendingOperation op : ops) {
            if (!(op.payload() instanceof OperationPayload.AssignMembership a) || !a.memberId().equals(memberId)
                    || !(op.isPending() || op.outcome() == SyncApi.OutcomeStatus.APPLIED)
                    || mirror.find(session, Feed.MEMBERSHIP, a.membershipId()).isPresent()) {
                continue;
            }
            Optional<Map<String, Object>> plan = mirror.find(session, Feed.PLAN, a.planId());
            if (plan.isEmpty()) {
                continue;
            }
            PlanKind kind = PlanKind.valueOf(Rows.text(plan.get(), "kind"));
            Integer credits = kind.usesCredits()
                    ? Rows.integer(plan.get(), "credits", 0) - pendingCreditsSpent(session, a.membershipId(), ops) : null;
            Integer days = plan.get().get("durationDays") == null ? null : Rows.integer(plan.get(), "durationDays", 0);
            snapshots.add(new MembershipSnapshot(a.membershipId(), memberId, kind,
                    kind == PlanKind.TRIAL ? MembershipStatus.TRIAL : MembershipStatus.ACTIVE, a.startsOn(),
                    app.spotter.model.membership.MembershipRules.periodEnd(kind, days, a.startsOn()), new ArrayList<>(),
                    credits));
        }
        return snapshots;
    }

    // As the server does it: the freeze covering the day ends the day before (or goes, if it starts that day).
    private static void unfreeze(List<FreezePeriod> freezes, LocalDate on) {
        for (int i = 0; i < freezes.size(); i++) {
            FreezePeriod f = freezes.get(i);
            if (f.covers(on)) {
                if (on.equals(f.from())) {
                    freezes.remove(i);
                } else {
                    freezes.set(i, new FreezePeriod(f.from(), on.minusDays(1)));
                }
                return;
            }
        }
    }

    // A spend counts until the server's ledger row for it has been pulled (then the ledger has it).
    private int pendingCreditsSpent(Session session, MembershipId id, List<PendingOperation> ops) {
        int spent = 0;
        for (PendingOperation op : ops) {
            boolean counts = op.isPending() || op.outcome() == SyncApi.OutcomeStatus.APPLIED;
            if (!counts || !op.effect().consumesCredit() || !id.equals(op.effect().membership())) {
                continue;
            }
            if (op.payload() instanceof OperationPayload.BookSeat b
                    && mirror.find(session, Feed.BOOKING, b.bookingId()).isEmpty()) {
                spent++;
            } else if (op.payload() instanceof OperationPayload.RecordCheckIn c
                    && mirror.find(session, Feed.CHECK_IN, c.checkInId()).isEmpty()) {
                spent++;
            }
        }
        return spent;
    }

    private PlanKind planKind(Session session, Map<String, Object> membership) {
        String kind = Rows.text(membership, "planKind");
        if (kind == null) {
            kind = mirror.find(session, Feed.PLAN, Rows.text(membership, "planId"))
                    .map(plan -> Rows.text(plan, "kind")).orElse(PlanKind.RECURRING_MONTHLY.name());
        }
        return PlanKind.valueOf(kind);
    }
}
