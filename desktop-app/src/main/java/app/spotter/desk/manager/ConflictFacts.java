package app.spotter.desk.manager;

import app.spotter.client.Desk;
import app.spotter.client.booking.SlotView;
import app.spotter.client.members.MemberView;
import app.spotter.client.members.MembershipView;
import app.spotter.client.sync.ConflictView;
import app.spotter.desk.ui.Texts;
import app.spotter.model.common.MemberId;
import app.spotter.model.common.MembershipId;
import app.spotter.model.common.SlotId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A conflict's facts in the gym's words. The server records ids (member, slot, membership,
 * device); the manager needs names, a class and its time, the desk it happened at. Each id is
 * looked up in the desk's mirror; one the desk does not know is shown as the server sent it.
 * Reads the store, so it runs off the FX thread.
 */
final class ConflictFacts {

    /** The conflict's own records: the manager acts on the conflict, not on these ids. */
    private static final Set<String> LEFT_OUT = Set.of("bookingId", "checkInId", "leaseId");

    /** Weekday, day, month and time in the locale's order ("Sat, Nov 21, 12:15 PM"); the year is noise here. */
    static DateTimeFormatter when(java.util.Locale locale) {
        DateTimeFormatter shortForm = DateTimeFormatter.ofLocalizedPattern("MMMEdjm").withLocale(locale);
        try {
            shortForm.format(java.time.LocalDateTime.of(2000, 1, 1, 0, 0)); // a locale without that template fails here
            return shortForm;
        } catch (java.time.DateTimeException e) {
            return DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.MEDIUM,
                    java.time.format.FormatStyle.SHORT).withLocale(locale);
        }
    }

    private final Desk desk;
    private final Texts texts;
    private final ZoneId zone;
    private final DateTimeFormatter when;

    ConflictFacts(Desk desk, Texts texts, ZoneId zone) {
        this.desk = desk;
        this.texts = texts;
        this.zone = zone;
        this.when = when(texts.locale()).withZone(zone);
    }

    /**
     * The facts on one line: who, which membership or class, when, why, where.
     *
     * @param deviceNames the enrolled devices' names by id, as far as this screen has seen them
     */
    String line(ConflictView conflict, LocalDate today, Map<String, String> deviceNames) {
        Map<String, Object> facts = new LinkedHashMap<>(conflict.facts());
        if (facts.isEmpty()) {
            return conflict.entityType() + " " + conflict.entityId();
        }
        List<String> parts = new ArrayList<>();
        String memberId = text(facts.remove("memberId"));
        if (memberId != null) {
            parts.add(texts.get("conflict.fact.member", lookUp(memberId, MemberId::of,
                    id -> desk.members().find(id).map(this::member))));
        }
        String membershipId = text(facts.remove("membershipId"));
        if (membershipId != null) {
            parts.add(texts.get("conflict.fact.membership", lookUp(membershipId, MembershipId::of,
                    id -> plan(memberId, id, today))));
        }
        String slotId = text(facts.remove("slotId"));
        if (slotId != null) {
            parts.add(texts.get("conflict.fact.class", lookUp(slotId, SlotId::of,
                    id -> desk.bookings().slot(id).map(this::slot))));
        }
        String decidedAt = text(facts.remove("decidedAt"));
        if (decidedAt != null) {
            parts.add(texts.get("conflict.fact.decidedAt", moment(decidedAt)));
        }
        Object balance = facts.remove("balance");
        if (balance != null) {
            parts.add(texts.get("conflict.fact.balance", String.valueOf(balance)));
        }
        String refusal = text(facts.remove("refusal"));
        if (refusal != null) {
            String why = texts.get("refusal." + refusal);
            parts.add(texts.get("conflict.fact.refusal", why.startsWith("!") ? refusal : why));
        }
        if (Boolean.TRUE.equals(facts.remove("onGrace"))) {
            parts.add(texts.get("conflict.fact.onGrace"));
        }
        String field = text(facts.remove("field"));
        if (field != null) {
            parts.add(texts.get("conflict.fact.field", field));
        }
        if (facts.containsKey("serverValue")) {
            parts.add(texts.get("conflict.fact.serverValue", String.valueOf(facts.remove("serverValue"))));
        }
        String deviceId = text(facts.remove("deviceId"));
        if (deviceId != null) {
            String name = deviceId.equals(desk.deviceId()) ? texts.get("conflict.fact.thisDesk")
                    : deviceNames.getOrDefault(deviceId, deviceId);
            parts.add(texts.get("conflict.fact.desk", name));
        }
        // Whatever else the server recorded (a kind added later), as it sent it.
        facts.forEach((key, value) -> {
            if (value != null && !LEFT_OUT.contains(key)) {
                parts.add(key + ": " + value);
            }
        });
        return String.join("  ·  ", parts);
    }

    private String member(MemberView m) {
        String name = m.firstName() + " " + m.lastName();
        return m.memberNumber() == null ? name : name + " (" + m.memberNumber() + ")";
    }

    private Optional<String> plan(String memberId, MembershipId membership, LocalDate today) {
        if (memberId == null) {
            return Optional.empty();
        }
        try {
            return desk.members().membershipsOf(MemberId.of(memberId), today).stream()
                    .filter(v -> v.snapshot().id().equals(membership)).findFirst().map(MembershipView::planName);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String slot(SlotView s) {
        return s.title() + ", " + when.format(s.startsAt());
    }

    private String moment(String instant) {
        try {
            return when.format(Instant.parse(instant));
        } catch (java.time.format.DateTimeParseException e) {
            return instant;
        }
    }

    /** The readable form of an id, or the id itself when it is malformed or unknown to this desk. */
    private static <I> String lookUp(String raw, Function<String, I> parse, Function<I, Optional<String>> find) {
        I id;
        try {
            id = parse.apply(raw);
        } catch (IllegalArgumentException e) {
            return raw;
        }
        return find.apply(id).orElse(raw);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
