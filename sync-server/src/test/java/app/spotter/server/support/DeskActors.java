package app.spotter.server.support;

import app.spotter.model.common.DeviceId;
import app.spotter.model.sync.OperationProofs;
import app.spotter.model.sync.SyncApi;
import app.spotter.server.http.Json;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Staff acting at a test desk the way a real desk does it (decision 0013): the staff member logs in
 * online, the desk asks the server for that person's credential with their access token, and signs
 * each of their operations with it. Tests build operations as maps; {@link #signed} adds the proof.
 */
public final class DeskActors {

    private static final ObjectMapper JSON = Json.camelCase();

    private final ApiClient api;
    private final Map<UUID, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, SyncApi.StaffCredential> credentials = new ConcurrentHashMap<>();

    public DeskActors(ApiClient api) {
        this.api = api;
    }

    /** A staff member logged in with this access token; returns their id. */
    public UUID staff(String accessToken) {
        ApiClient.Response me = api.get("/api/v1/me", accessToken);
        if (me.status() != 200) {
            throw new AssertionError("Expected the staff member's profile but got " + me);
        }
        UUID id = UUID.fromString(me.text("id"));
        tokens.put(id, accessToken);
        return id;
    }

    /** The staff member's credential at this desk, asked for once, as the desk does after an online login. */
    public SyncApi.StaffCredential credential(String deviceToken, UUID device, UUID staff) {
        return credentials.computeIfAbsent(device + "/" + staff, k -> {
            String token = tokens.get(staff);
            if (token == null) {
                throw new AssertionError("Staff " + staff + " never logged in (use DeskActors.staff)");
            }
            ApiClient.Response r = api.post("/api/v1/sync/staff-credentials", Map.of("accessToken", token), deviceToken);
            if (r.status() != 201) {
                throw new AssertionError("Expected a staff credential but got " + r);
            }
            return JSON.convertValue(r.body(), SyncApi.StaffCredential.class);
        });
    }

    /** The operation with the proof of its actor's credential at this desk; unchanged without an actor. */
    public Map<String, Object> signed(String deviceToken, UUID device, Map<String, Object> op) {
        if (op.get("actor") == null) {
            return op;
        }
        SyncApi.StaffCredential c = credential(deviceToken, device, UUID.fromString(op.get("actor").toString()));
        return withProof(op, c.credentialId(), c.key(), device);
    }

    public List<Map<String, Object>> signed(String deviceToken, UUID device, List<Map<String, Object>> ops) {
        List<Map<String, Object>> out = new ArrayList<>(ops.size());
        ops.forEach(op -> out.add(signed(deviceToken, device, op)));
        return out;
    }

    /** A desk's health-notes read for a staff member logged in there, signed as the desk signs it. */
    public ApiClient.Response healthNotes(String deviceToken, UUID device, UUID staff, Object member) {
        SyncApi.StaffCredential c = credential(deviceToken, device, staff);
        String path = "/api/v1/sync/members/" + member + "/health-notes";
        String proof = OperationProofs.requestProof(c.credentialId(), c.key(), "GET", path,
                new app.spotter.model.common.UserId(staff), System.currentTimeMillis());
        return api.send("GET", path + "?actor=" + staff, null, deviceToken, Map.of("X-Spotter-Actor-Proof", proof));
    }

    /** The operation signed with any credential id and key (a forged or borrowed proof). */
    public static Map<String, Object> withProof(Map<String, Object> op, UUID credentialId, String key, UUID device) {
        SyncApi.Operation typed = JSON.convertValue(op, SyncApi.Operation.class);
        SyncApi.ActorProof proof = OperationProofs.prove(credentialId, key, new DeviceId(device), typed);
        Map<String, Object> out = new LinkedHashMap<>(op);
        out.put("actorProof", Map.of("credentialId", proof.credentialId(), "signature", proof.signature()));
        return out;
    }
}
