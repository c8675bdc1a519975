package app.spotter.server.auth;

import app.spotter.model.common.DeviceId;
import app.spotter.model.common.LocationId;
import app.spotter.server.http.ApiException;
import io.javalin.http.Context;
import java.time.ZoneId;

/** An enrolled device calling the sync API with its device token. */
public record DeviceCaller(DeviceId deviceId, LocationId locationId, ZoneId zone) {

    static final String ATTRIBUTE = "spotter.device";

    public static DeviceCaller of(Context ctx) {
        DeviceCaller d = ctx.attribute(ATTRIBUTE);
        if (d == null) {
            throw new ApiException(401, "UNAUTHORIZED", "A device token is required");
        }
        return d;
    }
}
