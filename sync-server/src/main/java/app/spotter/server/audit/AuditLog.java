package app.spotter.server.audit;

import app.spotter.server.auth.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Writes an audit entry in the same transaction as the change it describes, so there is never a
 * change without its entry (or an entry for a change that rolled back).
 */
public final class AuditLog {

    private final ObjectMapper json;
    private final Clock clock;

    public AuditLog(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    public void record(Session session, Optional<Caller> actor, String action, String entityType, Object entityId,
                       Object before, Object after) {
        recordBy(session, actor.map(c -> c.userId().value()).orElse(null), actor.map(c -> c.role().name()).orElse(null),
                action, entityType, entityId, before, after);
    }

    /**
     * With an actor that is not a logged-in caller: the account a login names, or a device by its id
     * (role {@code DEVICE}); both null when nobody is known.
     */
    public void recordBy(Session session, UUID actorId, String actorRole, String action, String entityType,
                         Object entityId, Object before, Object after) {
        AuditEntry e = new AuditEntry();
        e.id = UUID.randomUUID();
        e.at = clock.instant();
        e.actorId = actorId;
        e.actorRole = actorRole;
        e.action = action;
        e.entityType = entityType;
        e.entityId = entityId == null ? null : entityId.toString();
        e.beforeJson = toJson(before);
        e.afterJson = toJson(after);
        session.persist(e);
    }

    public void record(Session session, Caller actor, String action, String entityType, Object entityId,
                       Object before, Object after) {
        record(session, Optional.ofNullable(actor), action, entityType, entityId, before, after);
    }

    public List<AuditEntry> page(Session session, Instant before, int limit, String entityType) {
        String hql = "from AuditEntry a where a.at < :before"
                + (entityType == null ? "" : " and a.entityType = :type")
                + " order by a.at desc, a.id desc";
        var q = session.createSelectionQuery(hql, AuditEntry.class).setParameter("before", before);
        if (entityType != null) {
            q.setParameter("type", entityType);
        }
        return q.setMaxResults(limit).getResultList();
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit snapshot not serializable: " + value.getClass(), e);
        }
    }
}
