package app.spotter.client.store;

import app.spotter.model.sync.SyncApi;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;

/**
 * The confirmed rows: upserted and deleted exactly as the change feed says, read by the
 * features through the indexed columns. Methods take the caller's Session.
 */
public final class Mirror {

    private final ObjectMapper json;

    public Mirror(ObjectMapper json) {
        this.json = json;
    }

    /** Applies one change of the feed. */
    public void apply(Session session, SyncApi.Change change) {
        if (change.kind() == SyncApi.ChangeKind.DELETE) {
            MirrorRow row = session.find(MirrorRow.class, new MirrorRow.Key(change.entityType(), change.entityId()));
            if (row != null) {
                session.remove(row);
            }
            return;
        }
        upsert(session, change.entityType(), change.entityId(), change.data(), change.position());
    }

    public void upsert(Session session, String entityType, String entityId, Map<String, Object> data, long position) {
        MirrorRow row = session.find(MirrorRow.class, new MirrorRow.Key(entityType, entityId));
        boolean fresh = row == null;
        if (fresh) {
            row = new MirrorRow();
            row.entityType = entityType;
            row.entityId = entityId;
        }
        row.data = DeskJson.write(json, data);
        row.position = position;
        row.memberId = text(data, Feed.MEMBER.equals(entityType) ? "id" : "memberId");
        row.slotId = text(data, Feed.SLOT.equals(entityType) ? "id" : "slotId");
        row.membershipId = text(data, Feed.MEMBERSHIP.equals(entityType) ? "id" : "membershipId");
        row.memberNumber = Feed.MEMBER.equals(entityType) ? text(data, "memberNumber") : null;
        String lastName = Feed.MEMBER.equals(entityType) ? text(data, "lastName") : null;
        row.lastName = lastName == null ? null : lastName.toLowerCase(java.util.Locale.ROOT);
        row.searchText = Feed.MEMBER.equals(entityType) ? searchText(data) : null;
        boolean member = Feed.MEMBER.equals(entityType);
        row.firstName = member ? lower(text(data, "firstName")) : null;
        row.email = member ? lower(text(data, "email")) : null;
        row.phoneReversed = member ? phoneKey(text(data, "phone")) : null;
        if (fresh) {
            session.persist(row);
        }
    }

    /**
     * Drops the slots that start outside {@code [from, until)} and the rows that belong to them
     * (bookings, waitlist, seat leases): the server's window moved past them and sends no more of
     * their changes. Returns how many slots went.
     */
    public int keepWindow(Session session, java.time.Instant from, java.time.Instant until) {
        java.util.List<String> outside = new java.util.ArrayList<>();
        for (MirrorRow row : session.createSelectionQuery("from MirrorRow where entityType = :type", MirrorRow.class)
                .setParameter("type", Feed.SLOT).getResultList()) {
            java.time.Instant startsAt = Rows.instant(data(row), "startsAt");
            if (startsAt != null && (startsAt.isBefore(from) || !startsAt.isBefore(until))) {
                outside.add(row.entityId);
            }
        }
        for (int i = 0; i < outside.size(); i += 500) {
            session.createMutationQuery("delete from MirrorRow where entityType in (:types) and slotId in (:slots)")
                    .setParameter("types", Feed.WINDOWED)
                    .setParameter("slots", outside.subList(i, Math.min(outside.size(), i + 500)))
                    .executeUpdate();
        }
        return outside.size();
    }

    public void clear(Session session) {
        session.createMutationQuery("delete from MirrorRow").executeUpdate();
    }

    public Optional<Map<String, Object>> find(Session session, String entityType, Object entityId) {
        if (entityId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(session.find(MirrorRow.class, new MirrorRow.Key(entityType, entityId.toString())))
                .map(this::data);
    }

    public List<Map<String, Object>> byMember(Session session, String entityType, Object memberId) {
        return by(session, entityType, "memberId", memberId.toString());
    }

    public List<Map<String, Object>> bySlot(Session session, String entityType, Object slotId) {
        return by(session, entityType, "slotId", slotId.toString());
    }

    public List<Map<String, Object>> byMembership(Session session, String entityType, Object membershipId) {
        return by(session, entityType, "membershipId", membershipId.toString());
    }

    public Optional<Map<String, Object>> memberByNumber(Session session, String memberNumber) {
        // member_number is only set on member rows: its index alone answers
        return session.createSelectionQuery("from MirrorRow where memberNumber = :number", MirrorRow.class)
                .setParameter("number", memberNumber)
                .setMaxResults(1)
                .getResultList().stream().map(this::data).findFirst();
    }

    /** Members whose last name starts with the text, case-insensitively, by last name. */
    public List<Map<String, Object>> membersByLastName(Session session, String prefix, int limit) {
        return startingWith(session, "lastName", prefix.toLowerCase(java.util.Locale.ROOT), limit);
    }

    /** Members whose first and last names start with the two texts, case-insensitively, by last name. */
    public List<Map<String, Object>> membersByFullName(Session session, String firstPrefix, String lastPrefix, int limit) {
        String first = firstPrefix.toLowerCase(java.util.Locale.ROOT);
        String last = lastPrefix.toLowerCase(java.util.Locale.ROOT);
        return session.createSelectionQuery("from MirrorRow where lastName >= :lastFrom and lastName < :lastTo"
                        + " and firstName >= :firstFrom and firstName < :firstTo order by lastName", MirrorRow.class)
                .setParameter("lastFrom", last)
                .setParameter("lastTo", last + Character.MAX_VALUE)
                .setParameter("firstFrom", first)
                .setParameter("firstTo", first + Character.MAX_VALUE)
                .setMaxResults(limit)
                .getResultList().stream().map(this::data).toList();
    }

    /** Members whose first name starts with the text, case-insensitively, by first name. */
    public List<Map<String, Object>> membersByFirstName(Session session, String prefix, int limit) {
        return startingWith(session, "firstName", prefix.toLowerCase(java.util.Locale.ROOT), limit);
    }

    /**
     * Members whose phone number ends with the digits typed (leading zeros and separators ignored, so
     * "030 1234561" finds "+49 30 1234561"). Empty when the text has fewer than three digits.
     */
    public List<Map<String, Object>> membersByPhone(Session session, String typed, int limit) {
        String key = phoneKey(typed);
        if (key == null || key.length() < 3) {
            return List.of();
        }
        return startingWith(session, "phoneReversed", key, limit);
    }

    /** Members with this e-mail address (case-insensitive): the duplicate check of a sign-up. */
    public List<Map<String, Object>> membersByEmail(Session session, String email) {
        return session.createSelectionQuery("from MirrorRow where email = :email", MirrorRow.class)
                .setParameter("email", email.strip().toLowerCase(java.util.Locale.ROOT))
                .getResultList().stream().map(this::data).toList();
    }

    /** The reversed digits of a phone number without its leading zeros, or null when it has no digits. */
    public static String phoneKey(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "").replaceFirst("^0+", "");
        return digits.isEmpty() ? null : new StringBuilder(digits).reverse().toString();
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(java.util.Locale.ROOT);
    }

    // A range over the column's own index ("index sorted", a dozen rows scanned at 50,000 members).
    private List<Map<String, Object>> startingWith(Session session, String column, String prefix, int limit) {
        // Only member rows fill these columns, so no entity-type condition: the one index decides.
        return session.createSelectionQuery("from MirrorRow where " + column + " >= :from and " + column
                        + " < :to order by " + column, MirrorRow.class)
                .setParameter("from", prefix)
                .setParameter("to", prefix + Character.MAX_VALUE)
                .setMaxResults(limit)
                .getResultList().stream().map(this::data).toList();
    }

    /**
     * Members whose first or last name, member number, phone or e-mail contains the word,
     * case-insensitively, by last name. Staff type whatever the member tells them: "Ananya",
     * "m000001", the phone number.
     */
    public List<Map<String, Object>> membersMatching(Session session, String word, int limit) {
        return session.createSelectionQuery("from MirrorRow where entityType = :type"
                        + " and coalesce(searchText, lower(data)) like :word escape '\\' order by lastName", MirrorRow.class)
                .setParameter("type", Feed.MEMBER)
                .setParameter("word", "%" + likeEscaped(word.toLowerCase(java.util.Locale.ROOT)) + "%")
                .setMaxResults(limit)
                .getResultList().stream().map(this::data).toList();
    }

    /** The text {@link #membersMatching} looks in; also used for members still pending here. */
    public static String searchText(Map<String, Object> member) {
        StringBuilder text = new StringBuilder();
        for (String field : List.of("firstName", "lastName", "memberNumber", "phone", "email")) {
            String value = text(member, field);
            if (value != null) {
                text.append(value).append(' ');
            }
        }
        String phone = text(member, "phone");
        if (phone != null) {
            // "98450 00000" and "+91 9845000000" are the same phone: digits only as well.
            text.append(phone.replaceAll("\\D", ""));
        }
        String all = text.toString().strip().toLowerCase(java.util.Locale.ROOT);
        return all.length() > 1000 ? all.substring(0, 1000) : all;
    }

    private static String likeEscaped(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    public List<Map<String, Object>> all(Session session, String entityType) {
        return session.createSelectionQuery("from MirrorRow where entityType = :type", MirrorRow.class)
                .setParameter("type", entityType)
                .getResultList().stream().map(this::data).toList();
    }

    public long count(Session session, String entityType) {
        return session.createSelectionQuery("select count(*) from MirrorRow where entityType = :type", Long.class)
                .setParameter("type", entityType).getSingleResult();
    }

    private List<Map<String, Object>> by(Session session, String entityType, String field, String value) {
        return session.createSelectionQuery("from MirrorRow where entityType = :type and " + field + " = :value",
                        MirrorRow.class)
                .setParameter("type", entityType)
                .setParameter("value", value)
                .getResultList().stream().map(this::data).toList();
    }

    private Map<String, Object> data(MirrorRow row) {
        return DeskJson.readMap(json, row.data);
    }

    private static String text(Map<String, Object> data, String field) {
        Object value = data == null ? null : data.get(field);
        return value == null ? null : value.toString();
    }
}
