package app.spotter.server.members;

import app.spotter.model.sync.VersionVector;
import app.spotter.server.http.ApiException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The profile fields of a member that desks edit and merge field by field, their text values, and
 * the per-field versions ({@code member.field_versions}: field to the version vector of the change
 * that last set it).
 */
public final class MemberFields {

    /** The fields a desk may change; the names of the EDIT_MEMBER operation. */
    public static final List<String> EDITABLE = List.of("firstName", "lastName", "email", "phone", "dateOfBirth");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {
    };

    private MemberFields() {
    }

    /** The field's current value as text (null when unset). */
    public static String value(MemberRecord m, String field) {
        return switch (field) {
            case "firstName" -> m.firstName;
            case "lastName" -> m.lastName;
            case "email" -> m.email;
            case "phone" -> m.phone;
            case "dateOfBirth" -> m.dateOfBirth == null ? null : m.dateOfBirth.toString();
            default -> throw ApiException.validation(field, "Unknown member field: " + field);
        };
    }

    /**
     * Checks and normalizes a new value the way the member API does; null or blank clears an
     * optional field. 400 VALIDATION_FAILED with the field when the value is not acceptable.
     */
    public static String normalize(String field, String value, LocalDate today) {
        return switch (field) {
            case "firstName", "lastName" -> MemberService.name(field, value);
            case "email" -> MemberService.email(value);
            case "phone" -> MemberService.phone(value);
            case "dateOfBirth" -> {
                if (value == null || value.isBlank()) {
                    yield null;
                }
                LocalDate d;
                try {
                    d = LocalDate.parse(value.strip());
                } catch (DateTimeParseException e) {
                    throw ApiException.validation(field, "A date like 1990-04-21 is expected");
                }
                if (d.isAfter(today) || d.isBefore(LocalDate.of(1900, 1, 1))) {
                    throw ApiException.validation(field, "The date of birth must be between 1900 and today");
                }
                yield d.toString();
            }
            default -> throw ApiException.validation(field, "Only " + EDITABLE + " can be changed");
        };
    }

    /** Sets a normalized value. */
    public static void set(MemberRecord m, String field, String value) {
        switch (field) {
            case "firstName" -> m.firstName = value;
            case "lastName" -> m.lastName = value;
            case "email" -> m.email = value;
            case "phone" -> m.phone = value;
            case "dateOfBirth" -> m.dateOfBirth = value == null ? null : LocalDate.parse(value);
            default -> throw ApiException.validation(field, "Only " + EDITABLE + " can be changed");
        }
    }

    /** The per-field versions of the member; a field never set by a tracked change has the empty version. */
    public static Map<String, VersionVector> versions(MemberRecord m) {
        Map<String, VersionVector> out = new TreeMap<>();
        if (m.fieldVersions == null || m.fieldVersions.isBlank()) {
            return out;
        }
        try {
            JSON.readValue(m.fieldVersions, MAP).forEach((f, v) -> out.put(f, VersionVector.parse(v)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("member.field_versions is not JSON for " + m.id, e);
        }
        return out;
    }

    public static void setVersions(MemberRecord m, Map<String, VersionVector> versions) {
        TreeMap<String, String> text = new TreeMap<>();
        versions.forEach((f, v) -> text.put(f, v.encode()));
        try {
            m.fieldVersions = JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stamps every field whose value differs between the two snapshots with the member's current version. */
    static void stampChanged(MemberRecord m, Map<String, String> before) {
        Map<String, VersionVector> versions = versions(m);
        VersionVector now = VersionVector.parse(m.versionVector);
        boolean changed = false;
        for (String field : EDITABLE) {
            if (!Objects.equals(before.get(field), value(m, field))) {
                versions.put(field, now);
                changed = true;
            }
        }
        if (changed) {
            setVersions(m, versions);
        }
    }

    static Map<String, String> snapshot(MemberRecord m) {
        Map<String, String> out = new TreeMap<>();
        for (String field : EDITABLE) {
            String v = value(m, field);
            if (v != null) {
                out.put(field, v);
            }
        }
        return out;
    }
}
