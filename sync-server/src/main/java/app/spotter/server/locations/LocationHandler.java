package app.spotter.server.locations;

import app.spotter.model.access.Permission;
import app.spotter.model.api.LocationsApi.NewEquipment;
import app.spotter.model.api.LocationsApi.NewLocation;
import app.spotter.model.api.LocationsApi.NewRoom;
import app.spotter.model.common.LocationId;
import app.spotter.server.auth.Caller;
import app.spotter.server.http.Access;
import app.spotter.server.http.Json;
import app.spotter.server.http.Params;
import app.spotter.server.http.Routes;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

/** HTTP for locations, rooms and equipment. */
public final class LocationHandler {

    private final LocationService locations;
    private final ObjectMapper json;

    public LocationHandler(LocationService locations, ObjectMapper json) {
        this.locations = locations;
        this.json = json;
    }

    public void register(Routes routes) {
        routes.post("/api/v1/locations", Access.anyOf(Permission.LOCATIONS_MANAGE), "Create a location", this::create);
        routes.get("/api/v1/locations", Access.loggedIn(), "All locations", this::list);
        routes.get("/api/v1/locations/{id}", Access.loggedIn(), "A location with its rooms and equipment", this::get);
        routes.post("/api/v1/locations/{id}/rooms", Access.anyOf(Permission.LOCATIONS_MANAGE), "Add a room", this::addRoom);
        routes.post("/api/v1/locations/{id}/equipment", Access.anyOf(Permission.LOCATIONS_MANAGE), "Add a machine",
                this::addEquipment);
    }

    private void create(Context ctx) {
        ctx.status(201).json(locations.create(Caller.of(ctx), Json.read(ctx, json, NewLocation.class)));
    }

    private void list(Context ctx) {
        ctx.json(locations.list());
    }

    private void get(Context ctx) {
        ctx.json(locations.get(Params.id(ctx, "id", LocationId::new)));
    }

    private void addRoom(Context ctx) {
        LocationId id = Params.id(ctx, "id", LocationId::new);
        ctx.status(201).json(locations.addRoom(Caller.of(ctx), id, Json.read(ctx, json, NewRoom.class)));
    }

    private void addEquipment(Context ctx) {
        LocationId id = Params.id(ctx, "id", LocationId::new);
        ctx.status(201).json(locations.addEquipment(Caller.of(ctx), id, Json.read(ctx, json, NewEquipment.class)));
    }
}
