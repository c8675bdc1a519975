package app.spotter.client.devices;

import app.spotter.client.staff.StaffLogins;
import app.spotter.client.sync.ServerConnection;
import app.spotter.model.common.DeviceId;
import app.spotter.model.common.UserId;
import app.spotter.model.sync.SyncApi;
import java.util.List;

/**
 * The gym's enrolled devices, for the manager's screen. Online only, and asked for with the
 * manager's own access token from their online login at this desk (not the device token): the
 * server checks DEVICES_MANAGE for that person, so the desk decides nothing about who may.
 */
public final class Devices {

    /** The staff member logged in offline (or not at all): the server cannot be asked in their name. */
    public static final class OnlineLoginNeeded extends RuntimeException {
        public OnlineLoginNeeded() {
            super("An online login is needed for the device list");
        }
    }

    private final ServerConnection server;
    private final StaffLogins logins;

    public Devices(ServerConnection server, StaffLogins logins) {
        this.server = server;
        this.logins = logins;
    }

    /** Every enrolled device; throws {@link OnlineLoginNeeded} or {@link app.spotter.client.sync.ServerUnavailable}. */
    public List<SyncApi.Device> list(UserId manager) {
        return ServerConnection.execute(server.open().devices(bearer(manager)));
    }

    /** Revokes a device (its token stops working at once); the server's answer as the device now is. */
    public SyncApi.Device revoke(UserId manager, DeviceId device) {
        return ServerConnection.execute(server.open().revokeDevice(bearer(manager), device.toString()));
    }

    /** Changes what a device is for (audited on the server); the server's answer as the device now is. */
    public SyncApi.Device changeKind(UserId manager, DeviceId device, app.spotter.model.sync.DeviceKind kind) {
        return ServerConnection.execute(server.open().changeDeviceKind(bearer(manager), device.toString(),
                new SyncApi.DeviceKindChange(kind)));
    }

    private String bearer(UserId manager) {
        return "Bearer " + logins.onlineToken(manager).orElseThrow(OnlineLoginNeeded::new);
    }
}
