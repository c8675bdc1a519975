package app.spotter.server.sync.appliers;

import app.spotter.model.access.Permission;
import app.spotter.model.sync.OperationPayload.EditMember;
import app.spotter.model.sync.OperationType;
import app.spotter.model.sync.SyncApi.ConflictKind;
import app.spotter.model.sync.VersionVector;
import app.spotter.server.audit.AuditLog;
import app.spotter.server.conflicts.ConflictService;
import app.spotter.server.http.ApiException;
import app.spotter.server.members.MemberFields;
import app.spotter.server.members.MemberRecord;
import app.spotter.server.members.MemberRepository;
import app.spotter.server.sync.Applied;
import app.spotter.server.sync.Applying;
import app.spotter.server.sync.OperationApplier;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import org.hibernate.Session;

/**
 * EDIT_MEMBER: a field-by-field merge by version vectors. A changed field whose last change the
 * desk had seen (its field version is dominated by the desk's read version) takes the desk's value;
 * a field changed elsewhere meanwhile keeps its value and becomes a SAME_FIELD_EDIT conflict, unless
 * both set the same value. Fields changed by nobody else merge silently.
 */
public final class EditMemberApplier implements OperationApplier {

    private final MemberRepository members;
    private final ConflictService conflicts;
    private final AuditLog audit;
    private final Clock clock;

    public EditMemberApplier(MemberRepository members, ConflictService conflicts, AuditLog audit, Clock clock) {
        this.members = members;
        this.conflicts = conflicts;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public OperationType type() {
        return OperationType.EDIT_MEMBER;
    }

    @Override
    public Permission permission() {
        return Permission.MEMBERS_WRITE;
    }

    @Override
    public Applied apply(Session session, Applying op) {
        EditMember p = (EditMember) op.payload();
        if (p.memberId() == null) {
            throw ApiException.validation("memberId", "memberId is required");
        }
        if (p.changes() == null || p.changes().isEmpty()) {
            throw ApiException.validation("changes", "At least one changed field is required");
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Map<String, String> wanted = new TreeMap<>();
        for (Map.Entry<String, String> change : p.changes().entrySet()) {
            if (!MemberFields.EDITABLE.contains(change.getKey())) {
                throw ApiException.validation(change.getKey(), "Only " + MemberFields.EDITABLE + " can be changed");
            }
            wanted.put(change.getKey(), MemberFields.normalize(change.getKey(), change.getValue(), today));
        }
        MemberRecord m = members.lock(session, p.memberId().value());
        if (m == null) {
            throw ApiException.notFound("Member");
        }
        String node = op.node();
        VersionVector current = VersionVector.parse(m.versionVector);
        VersionVector base = op.readVersion(p.memberId());
        // one more change by this desk than either side has seen, on top of everything both have seen
        TreeMap<String, Long> stamp = new TreeMap<>(base.entries());
        stamp.put(node, Math.max(base.get(node), current.get(node)) + 1);
        VersionVector opVersion = new VersionVector(stamp).merge(current);

        Map<String, VersionVector> versions = MemberFields.versions(m);
        Map<String, String> before = new LinkedHashMap<>();
        Map<String, String> after = new LinkedHashMap<>();
        UUID firstConflict = null;
        for (Map.Entry<String, String> change : wanted.entrySet()) {
            String field = change.getKey();
            String serverValue = MemberFields.value(m, field);
            VersionVector fieldVersion = versions.getOrDefault(field, VersionVector.empty());
            if (base.dominates(fieldVersion)) {
                if (!Objects.equals(serverValue, change.getValue())) {
                    before.put(field, serverValue);
                    after.put(field, change.getValue());
                    MemberFields.set(m, field, change.getValue());
                }
                versions.put(field, opVersion);
            } else if (!Objects.equals(serverValue, change.getValue())) {
                Map<String, Object> facts = new LinkedHashMap<>();
                facts.put("memberId", m.id.toString());
                facts.put("field", field);
                facts.put("serverValue", serverValue);
                facts.put("deviceValue", change.getValue());
                facts.put("deviceId", node);
                facts.put("deviceReadVersion", base.encode());
                facts.put("serverFieldVersion", fieldVersion.encode());
                UUID id = conflicts.raise(session, ConflictKind.SAME_FIELD_EDIT, "Member", m.id, facts,
                        op.operation().opId(), op.device().deviceId());
                if (firstConflict == null) {
                    firstConflict = id;
                }
            }
        }
        m.versionVector = opVersion.encode();
        MemberFields.setVersions(m, versions);
        m.updatedAt = clock.instant();
        if (!after.isEmpty()) {
            audit.record(session, op.actor(), "MEMBER_UPDATED", "Member", m.id, before, after);
        }
        return firstConflict == null ? Applied.applied()
                : Applied.conflict(firstConflict, ConflictKind.SAME_FIELD_EDIT.name());
    }
}
