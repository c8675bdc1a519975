package app.spotter.model.api;

import java.time.OffsetDateTime;
import java.util.List;

/** Response records of {@code /api/v1/audit}. */
public final class AuditApi {

    private AuditApi() {
    }

    /**
     * One audit entry. {@code before} and {@code after} are the record's JSON snapshots (objects, not
     * strings); typed as Object because this module does not depend on a JSON tree library.
     */
    public record AuditEntryView(String id, OffsetDateTime at, String actorId, String actorRole, String action,
                                 String entityType, String entityId, Object before, Object after) {
    }

    /** A page of entries, newest first; pass {@code nextBefore} as {@code ?before=} for the next page (null at the end). */
    public record AuditPage(List<AuditEntryView> entries, OffsetDateTime nextBefore) {
    }
}
