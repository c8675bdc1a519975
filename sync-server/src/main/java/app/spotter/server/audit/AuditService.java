package app.spotter.server.audit;

import app.spotter.model.api.AuditApi.AuditEntryView;
import app.spotter.model.api.AuditApi.AuditPage;
import app.spotter.server.db.Transactions;
import app.spotter.server.http.ApiException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** Reading the audit log, newest first, a page at a time. */
public final class AuditService {

    /** Later than any entry, for the first page; PostgreSQL and H2 both store it. */
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T23:59:59Z");

    private final Transactions tx;
    private final AuditLog log;
    private final ObjectMapper json;

    public AuditService(Transactions tx, AuditLog log, ObjectMapper json) {
        this.tx = tx;
        this.log = log;
        this.json = json;
    }

    /**
     * Entries strictly before {@code before} (all when null), newest first, at most {@code limit};
     * optionally of one entity type. The page's {@code nextBefore} is the time of its last entry, or
     * null when the page is not full.
     */
    public AuditPage page(Instant before, int limit, String entityType, ZoneId zone) {
        if (limit < 1 || limit > 500) {
            throw ApiException.validation("limit", "limit must be between 1 and 500");
        }
        if (entityType != null && entityType.length() > 60) {
            throw ApiException.validation("entityType", "entityType is at most 60 characters");
        }
        List<AuditEntry> rows = tx.inTransaction(s -> log.page(s, before == null ? END_OF_TIME : before, limit, entityType));
        List<AuditEntryView> entries = rows.stream().map(e -> new AuditEntryView(e.id.toString(),
                OffsetDateTime.ofInstant(e.at, zone), e.actorId == null ? null : e.actorId.toString(), e.actorRole,
                e.action, e.entityType, e.entityId, tree(e.beforeJson), tree(e.afterJson))).toList();
        OffsetDateTime next = rows.size() < limit ? null : OffsetDateTime.ofInstant(rows.getLast().at, zone);
        return new AuditPage(entries, next);
    }

    private JsonNode tree(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return json.readTree(stored);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(stored); // an old entry that is not JSON is still shown, as text
        }
    }
}
