package app.spotter.server.sync;

import app.spotter.model.sync.OperationPayload;
import app.spotter.model.sync.SyncApi;
import app.spotter.model.sync.VersionVector;
import app.spotter.server.auth.Caller;
import app.spotter.server.auth.DeviceCaller;

/** An operation being applied: who is acting, from which device. */
public record Applying(Caller actor, DeviceCaller device, SyncApi.Operation operation) {

    public OperationPayload payload() {
        return operation.payload();
    }

    /** The version of the record the desk read before deciding; empty when it sent none. */
    public VersionVector readVersion(Object entityId) {
        var versions = operation.readVersions();
        VersionVector v = versions == null ? null : versions.get(entityId.toString());
        return v == null ? VersionVector.empty() : v;
    }

    public String node() {
        return device.deviceId().toString();
    }
}
