package app.spotter.server.checkins;

import app.spotter.model.access.Permission;
import app.spotter.model.api.CheckInApi.CardRevocation;
import app.spotter.model.api.CheckInApi.CheckInEntry;
import app.spotter.model.api.CheckInApi.CheckInRequest;
import app.spotter.model.api.CheckInApi.CheckInResult;
import app.spotter.model.api.CheckInApi.MemberCardView;
import app.spotter.model.api.CheckInApi.PublicKeyView;
import app.spotter.model.common.MemberId;
import app.spotter.server.auth.Caller;
import app.spotter.server.http.Access;
import app.spotter.server.http.ApiException;
import app.spotter.server.http.Json;
import app.spotter.server.http.Params;
import app.spotter.server.http.Routes;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.UUID;

/** HTTP for check-ins at the door, member cards and what desks need to verify cards offline. */
public final class CheckInHandler {

    private final CheckInService checkIns;
    private final MemberCardService cards;
    private final ObjectMapper json;

    private final app.spotter.server.auth.LoginThrottle throttle;

    public CheckInHandler(CheckInService checkIns, MemberCardService cards, ObjectMapper json,
                          app.spotter.server.auth.LoginThrottle throttle) {
        this.checkIns = checkIns;
        this.cards = cards;
        this.json = json;
        this.throttle = throttle;
    }

    public void register(Routes routes) {
        routes.get("/api/v1/checkin/public-key", Access.loggedIn(),
                "The Ed25519 public key that verifies member cards offline", ctx -> ctx.json(cards.publicKey()))
                .returns(200, PublicKeyView.class);
        routes.get("/api/v1/checkin/revocations", Access.anyOf(Permission.CHECKINS_WRITE),
                "Members whose older cards are revoked, with the lowest valid card version", ctx -> ctx.json(cards.revocations()))
                .returnsListOf(CardRevocation.class);
        routes.get("/api/v1/members/{id}/card", Access.loggedIn(),
                "The member's signed QR card (staff with MEMBERS_WRITE or the member)", this::card)
                .returns(200, MemberCardView.class);
        routes.post("/api/v1/members/{id}/card/revoke", Access.anyOf(Permission.MEMBERS_WRITE),
                "Reissue the member's card; older cards are refused from now on", this::revoke)
                .returns(200, MemberCardView.class);
        routes.post("/api/v1/check-ins", Access.anyOf(Permission.CHECKINS_WRITE),
                "Check a member in by QR, PIN or staff; answers the decision, refusals included", this::checkIn)
                .accepts(CheckInRequest.class).returns(201, CheckInResult.class).throttled();
        routes.get("/api/v1/check-ins", Access.anyOf(Permission.CHECKINS_READ),
                "The check-ins of a day (?date=, ?locationId=), newest first", this::ofDay)
                .returnsListOf(CheckInEntry.class);
        routes.get("/api/v1/check-ins/present", Access.anyOf(Permission.CHECKINS_READ),
                "Members let in within the last visit window (who is in the club now)", this::present)
                .returnsListOf(CheckInEntry.class);
    }

    private void card(Context ctx) {
        ctx.json(cards.card(Caller.of(ctx), Params.id(ctx, "id", MemberId::new)));
    }

    private void revoke(Context ctx) {
        ctx.json(cards.revoke(Caller.of(ctx), Params.id(ctx, "id", MemberId::new)));
    }

    private void checkIn(Context ctx) {
        CheckInRequest body = Json.read(ctx, json, CheckInRequest.class);
        Caller caller = Caller.of(ctx);
        if (body.method() == app.spotter.model.checkin.CheckInMethod.PIN) {
            ctx.status(201).json(throttle.pinCheckIn(ctx.ip(),
                    // unknown numbers answer PIN_WRONG too (decision 0014)
                    r -> r.reason() == app.spotter.model.checkin.CheckInReason.PIN_WRONG,
                    () -> checkIns.checkIn(caller, body, Params.responseZone(ctx, null))));
            return;
        }
        ctx.status(201).json(checkIns.checkIn(caller, body, Params.responseZone(ctx, null)));
    }

    private void ofDay(Context ctx) {
        ctx.json(checkIns.ofDay(Caller.of(ctx), Params.dateQuery(ctx, "date").orElse(null), locationId(ctx), Params.responseZone(ctx, null)));
    }

    private void present(Context ctx) {
        ctx.json(checkIns.present(Caller.of(ctx), locationId(ctx), Params.responseZone(ctx, null)));
    }

    private static UUID locationId(Context ctx) {
        return Params.query(ctx, "locationId").map(raw -> {
            try {
                return UUID.fromString(raw);
            } catch (IllegalArgumentException e) {
                throw ApiException.validation("locationId", "'" + raw + "' is not a valid id");
            }
        }).orElse(null);
    }
}
