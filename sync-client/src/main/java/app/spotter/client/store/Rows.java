package app.spotter.client.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** Typed reads of a mirrored row's JSON fields; a missing field reads as null. */
public final class Rows {

    private Rows() {
    }

    public static String text(Map<String, Object> row, String field) {
        Object v = row.get(field);
        return v == null ? null : v.toString();
    }

    public static UUID uuid(Map<String, Object> row, String field) {
        String v = text(row, field);
        return v == null || v.isBlank() ? null : UUID.fromString(v);
    }

    public static Integer integer(Map<String, Object> row, String field) {
        Object v = row.get(field);
        if (v == null) {
            return null;
        }
        return v instanceof Number n ? n.intValue() : Integer.valueOf(v.toString());
    }

    public static int integer(Map<String, Object> row, String field, int fallback) {
        Integer v = integer(row, field);
        return v == null ? fallback : v;
    }

    public static boolean bool(Map<String, Object> row, String field) {
        Object v = row.get(field);
        return v instanceof Boolean b ? b : v != null && Boolean.parseBoolean(v.toString());
    }

    public static Instant instant(Map<String, Object> row, String field) {
        Object v = row.get(field);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            return Instant.ofEpochMilli(n.longValue());
        }
        return java.time.OffsetDateTime.parse(v.toString()).toInstant();
    }

    public static LocalDate date(Map<String, Object> row, String field) {
        String v = text(row, field);
        return v == null ? null : LocalDate.parse(v);
    }
}
