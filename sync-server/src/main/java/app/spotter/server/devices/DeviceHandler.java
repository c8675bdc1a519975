package app.spotter.server.devices;

import app.spotter.model.access.Permission;
import app.spotter.model.common.DeviceId;
import app.spotter.model.sync.SyncApi;
import app.spotter.server.auth.Caller;
import app.spotter.server.auth.DeviceCaller;
import app.spotter.server.http.Access;
import app.spotter.server.http.Json;
import app.spotter.server.http.Params;
import app.spotter.server.http.Routes;
import com.fasterxml.jackson.databind.ObjectMapper;

/** HTTP for enrolling devices and managing them. */
public final class DeviceHandler {

    private final DeviceService devices;
    private final StaffCredentials credentials;
    private final ObjectMapper json;
    private final app.spotter.server.auth.LoginThrottle throttle;

    public DeviceHandler(DeviceService devices, StaffCredentials credentials, ObjectMapper json,
                         app.spotter.server.auth.LoginThrottle throttle) {
        this.devices = devices;
        this.credentials = credentials;
        this.json = json;
        this.throttle = throttle;
    }

    public void register(Routes routes) {
        Access manage = Access.anyOf(Permission.DEVICES_MANAGE);
        routes.post("/api/v1/devices/pairing-codes", manage, "A one-time pairing code for a new device (15 minutes)",
                        ctx -> ctx.status(201).json(devices.newPairingCode(Caller.of(ctx),
                                Json.read(ctx, json, SyncApi.NewPairingCode.class))))
                .accepts(SyncApi.NewPairingCode.class).returns(201, SyncApi.PairingCode.class);
        routes.post("/api/v1/devices/enroll", Access.open(), "Enroll a device with a pairing code; its secret is shown once",
                        ctx -> {
                            SyncApi.EnrollRequest r = Json.read(ctx, json, SyncApi.EnrollRequest.class);
                            ctx.status(201).json(throttle.perAddress(ctx.ip(), "PAIRING_CODE_INVALID", () -> devices.enroll(r)));
                        })
                .accepts(SyncApi.EnrollRequest.class).returns(201, SyncApi.Enrollment.class).throttled();
        routes.post("/api/v1/devices/token", Access.open(), "A device token for a device's id and secret",
                        ctx -> {
                            SyncApi.DeviceLogin r = Json.read(ctx, json, SyncApi.DeviceLogin.class);
                            ctx.json(throttle.deviceLogin(r.deviceId() == null ? null : r.deviceId().value(), ctx.ip(),
                                    "DEVICE_LOGIN_FAILED", () -> devices.token(r)));
                        })
                .accepts(SyncApi.DeviceLogin.class).returns(200, SyncApi.DeviceToken.class).throttled();
        routes.get("/api/v1/devices", manage, "Enrolled devices", ctx -> ctx.json(devices.list()))
                .returnsListOf(SyncApi.Device.class);
        routes.post("/api/v1/devices/{id}/revoke", manage, "Revoke a device; its token stops working at once",
                        ctx -> ctx.json(devices.revoke(Caller.of(ctx), Params.id(ctx, "id", DeviceId::new))))
                .returns(200, SyncApi.Device.class);
        routes.put("/api/v1/devices/{id}/kind", manage, "Change what a device is for (front desk, kiosk, scanner)",
                        ctx -> ctx.json(devices.changeKind(Caller.of(ctx), Params.id(ctx, "id", DeviceId::new),
                                Json.read(ctx, json, SyncApi.DeviceKindChange.class))))
                .accepts(SyncApi.DeviceKindChange.class).returns(200, SyncApi.Device.class);
        routes.post("/api/v1/sync/staff-credentials", Access.device(),
                        "A front desk's credential for the staff member who just logged in there online (their access "
                                + "token in the body); the desk signs that person's operations with it",
                        ctx -> ctx.status(201).json(credentials.issue(DeviceCaller.of(ctx).deviceId(),
                                Json.read(ctx, json, SyncApi.StaffCredentialRequest.class))))
                .accepts(SyncApi.StaffCredentialRequest.class).returns(201, SyncApi.StaffCredential.class);
    }
}
