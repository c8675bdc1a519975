package app.spotter.client.staff;

import app.spotter.model.common.DeviceId;
import app.spotter.model.common.UserId;
import app.spotter.model.sync.OperationProofs;
import app.spotter.model.sync.SyncApi;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The staff credential keys of the people logged in at this desk, in memory only (decision 0013):
 * put here at login (online, or offline by opening the sealed key with the password), dropped at
 * log-out. The outbox signs each operation of a staff member with theirs; without a key an
 * operation goes unsigned and the server refuses it (ACTOR_NOT_PROVEN).
 */
public final class StaffKeys {

    private record Key(UUID credentialId, String key) {
    }

    private final Map<UserId, Key> held = new ConcurrentHashMap<>();

    public void hold(UserId staff, UUID credentialId, String key) {
        held.put(staff, new Key(credentialId, key));
    }

    public void drop(UserId staff) {
        held.remove(staff);
    }

    public void dropAll() {
        held.clear();
    }

    public boolean holds(UserId staff) {
        return held.containsKey(staff);
    }

    /** The proof of an operation by its actor at this device; empty when no key of the actor is held. */
    public Optional<SyncApi.ActorProof> prove(DeviceId device, SyncApi.Operation op) {
        Key k = op.actor() == null ? null : held.get(op.actor());
        return k == null ? Optional.empty() : Optional.of(OperationProofs.prove(k.credentialId(), k.key(), device, op));
    }

    /** The proof header of a request made now for a staff member; empty when no key of theirs is held. */
    public Optional<String> requestProof(UserId staff, String method, String path, long epochMillis) {
        Key k = staff == null ? null : held.get(staff);
        return k == null ? Optional.empty()
                : Optional.of(OperationProofs.requestProof(k.credentialId(), k.key(), method, path, staff, epochMillis));
    }
}
