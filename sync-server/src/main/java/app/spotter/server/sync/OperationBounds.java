package app.spotter.server.sync;

import app.spotter.model.members.MemberProfileRules;
import app.spotter.model.sync.HlcTimestamp;
import app.spotter.model.sync.OperationPayload;
import app.spotter.model.sync.SyncApi.Operation;
import app.spotter.server.http.InputBounds;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.temporal.Temporal;
import java.util.Map;
import java.util.Optional;

/**
 * What makes an operation impossible to apply whatever the server's state: a payload of another
 * type, a date outside {@link InputBounds}, a name longer than {@link MemberProfileRules} allows (the
 * desk checks the same rules), or a part longer than its column of {@code sync_operation}. Such an
 * operation is REJECTED once as {@code INVALID_OPERATION:<field>} and stored, so the outbox moves on.
 */
final class OperationBounds {

    /** The reason of an operation that can never apply; the field follows after a colon. */
    static final String INVALID = "INVALID_OPERATION";

    // the columns of sync_operation (V5__sync_operations.sql)
    static final int MAX_HLC = 120;
    static final int MAX_PAYLOAD = 20_000;
    static final int MAX_READ_VERSIONS = 8_000;
    static final int MAX_REASON = 60;

    private OperationBounds() {
    }

    /** The reason to store for an invalid field: {@code INVALID_OPERATION:<field>}, cut to the column. */
    static String reason(String field) {
        String r = INVALID + ":" + field;
        return r.length() <= MAX_REASON ? r : r.substring(0, MAX_REASON);
    }

    /** The first field that makes this operation impossible to apply, or empty. */
    static Optional<String> invalidField(Operation op) {
        if (op.hlc() != null && (op.hlc().node().length() > HlcTimestamp.MAX_NODE
                || !InputBounds.storable(op.hlc().node()))) {
            return Optional.of("hlc.node");
        }
        // a NUL anywhere in the operation (the push reader lets it through): no column can hold it
        if (!InputBounds.storable(String.valueOf(op.payload())) || !InputBounds.storable(String.valueOf(op.readVersions()))) {
            return Optional.of("payload");
        }
        if (op.readVersions() != null && readVersionsLength(op) > MAX_READ_VERSIONS) {
            return Optional.of("readVersions");
        }
        OperationPayload payload = op.payload();
        if (payload == null || payload.type() != op.type()) {
            return Optional.of("payload");
        }
        for (RecordComponent c : payload.getClass().getRecordComponents()) {
            if (Temporal.class.isAssignableFrom(c.getType()) && !InputBounds.inRange((Temporal) value(c, payload))) {
                return Optional.of("payload." + c.getName());
            }
        }
        return switch (payload) {
            case OperationPayload.RegisterMember r -> MemberProfileRules.check(r.firstName(), r.lastName(), r.email(),
                    r.phone()).stream().findFirst().map(p -> "payload." + p.field());
            case OperationPayload.EditMember e -> e.changes() == null ? Optional.empty() : e.changes().entrySet().stream()
                    .filter(c -> MemberProfileRules.checkChange(c.getKey(), c.getValue()).isPresent()).findFirst().map(c -> "payload.changes." + c.getKey());
            default -> Optional.empty();
        };
    }

    /** The stored length of the read versions at most (as JSON, a control character escaped as six). */
    private static long readVersionsLength(Operation op) {
        long n = 2;
        for (Map.Entry<String, app.spotter.model.sync.VersionVector> e : op.readVersions().entrySet()) {
            n += 6 + escaped(e.getKey()) + (e.getValue() == null ? 0 : escaped(e.getValue().encode()));
        }
        return n;
    }

    private static long escaped(String s) {
        return s == null ? 4 : s.chars().mapToLong(ch -> ch < 0x20 || ch == '"' || ch == '\\' ? 6 : 1).sum();
    }

    private static Object value(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a failure is the database refusing a value (too long, out of range): SQL state class 22. */
    static boolean isDataError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.DataException) {
                return true;
            }
            if (t instanceof java.sql.SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }
}
