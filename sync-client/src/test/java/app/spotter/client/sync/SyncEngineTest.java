package app.spotter.client.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.client.Desk;
import app.spotter.client.members.NewMember;
import app.spotter.client.outbox.OutboxEntry;
import app.spotter.client.store.DeskJson;
import app.spotter.client.store.DeviceState;
import app.spotter.client.store.Feed;
import app.spotter.client.support.LocalDesk;
import app.spotter.model.common.UserId;
import app.spotter.model.sync.SyncApi;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine against a scripted server (an interceptor that answers instead of the network), for
 * the answers a real server gives only under faults: a gap, a confused cursor, a reset.
 */
class SyncEngineTest {

    private final LocalDesk local = new LocalDesk();
    private final ObjectMapper json = DeskJson.mapper();
    private final UserId staff = UserId.random();
    private final List<SyncApi.PushRequest> pushes = new ArrayList<>();
    private Function<Request, Object> answers;

    @AfterEach
    void close() {
        local.close();
    }

    private Desk deskWithScriptedServer() {
        Interceptor server = chain -> {
            Request request = chain.request();
            Object body = answers.apply(request);
            return new Response.Builder().request(request).protocol(Protocol.HTTP_1_1).code(200).message("OK")
                    .body(ResponseBody.create(DeskJson.write(json, body), MediaType.get("application/json")))
                    .build();
        };
        local.desk.close();
        local.desk = new Desk(local.store, new Desk.Settings("http://desk.test", new OkHttpClient.Builder()
                .addInterceptor(server).build(), local.clock, Duration.ofSeconds(30), new java.util.Random(1),
                app.spotter.model.booking.BookingPolicy.standard(), app.spotter.model.checkin.CheckInPolicy.standard()));
        return local.desk;
    }

    private SyncApi.PushRequest readPush(Request request) {
        try (Buffer buffer = new Buffer()) {
            request.body().writeTo(buffer);
            SyncApi.PushRequest push = DeskJson.read(json, buffer.readUtf8(), SyncApi.PushRequest.class);
            pushes.add(push);
            return push;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SyncApi.PullResponse emptyPull(long cursor) {
        return new SyncApi.PullResponse(List.of(), cursor, false, false);
    }

    private Object tokenOrLeases(Request request) {
        String path = request.url().encodedPath();
        if (path.endsWith("/devices/token")) {
            return new SyncApi.DeviceToken("token", 900);
        }
        if (path.endsWith("/sync/leases")) {
            return new SyncApi.LeaseGrant(List.of());
        }
        throw new IllegalStateException("unexpected " + path);
    }

    private static List<Long> sequences(SyncApi.PushRequest push) {
        return push.operations().stream().map(SyncApi.Operation::sequence).toList();
    }

    @Test
    void whenTheServerAsksForAnEarlierSequenceTheDeskResendsFromThere() {
        Desk desk = deskWithScriptedServer();
        for (int i = 0; i < 3; i++) {
            desk.members().register(staff, new NewMember("Ada", "Gap" + i, null, null, null));
        }
        // The first push: the server already has 1 but lost nothing else... and answers "send 2 again"
        // after applying 1 only; the second push carries 2 and 3.
        answers = request -> {
            if (request.url().encodedPath().endsWith("/sync/push")) {
                SyncApi.PushRequest push = readPush(request);
                SyncApi.Operation first = push.operations().getFirst();
                if (pushes.size() == 1) {
                    return new SyncApi.PushResponse(List.of(new SyncApi.OperationOutcome(first.opId(), 1,
                            SyncApi.OutcomeStatus.APPLIED, null, null)), 1, 2L);
                }
                return new SyncApi.PushResponse(push.operations().stream().map(op -> new SyncApi.OperationOutcome(
                        op.opId(), op.sequence(), SyncApi.OutcomeStatus.APPLIED, null, null)).toList(), 3, null);
            }
            if (request.url().encodedPath().endsWith("/sync/pull")) {
                return emptyPull(0);
            }
            return tokenOrLeases(request);
        };

        desk.syncOnce();

        assertEquals(List.of(1L, 2L, 3L), sequences(pushes.get(0)));
        assertEquals(List.of(2L, 3L), sequences(pushes.get(1)));
        assertEquals(0, desk.pendingOperations());
    }

    @Test
    void aCursorNeverGoesBackwardsWhateverTheAnswer() {
        Desk desk = deskWithScriptedServer();
        local.store.run(s -> s.find(DeviceState.class, DeviceState.ID).pullCursor = 50);
        answers = request -> request.url().encodedPath().endsWith("/sync/pull")
                ? new SyncApi.PullResponse(List.of(new SyncApi.Change(51, Feed.PLAN, "p1", SyncApi.ChangeKind.UPSERT,
                        Map.of("id", "p1", "kind", "CLASS_PACK"))), 10, false, false)
                : tokenOrLeases(request);

        desk.syncOnce();

        long cursor = local.store.inTransaction(s -> s.find(DeviceState.class, DeviceState.ID).pullCursor);
        assertEquals(50, cursor);
    }

    @Test
    void aResetReplacesTheMirrorFromSnapshotsContinuesFromTheSmallestPositionAndKeepsTheOutbox() {
        Desk desk = deskWithScriptedServer();
        local.member("Stale", 1);
        desk.members().register(staff, new NewMember("Ada", "Offline", null, null, null));
        List<String> snapshotTypes = new ArrayList<>();
        answers = request -> {
            String path = request.url().encodedPath();
            if (path.endsWith("/sync/push")) {
                SyncApi.PushRequest push = readPush(request);
                // The response is lost the first time: the operation stays pending and goes again.
                if (pushes.size() == 1) {
                    throw new IllegalStateException("response lost");
                }
                return new SyncApi.PushResponse(push.operations().stream().map(op -> new SyncApi.OperationOutcome(
                        op.opId(), op.sequence(), SyncApi.OutcomeStatus.APPLIED, null, null)).toList(), 1, null);
            }
            if (path.endsWith("/sync/pull")) {
                long after = Long.parseLong(request.url().queryParameter("after"));
                return after == 0 ? new SyncApi.PullResponse(List.of(), 0, false, true) : emptyPull(after);
            }
            if (path.endsWith("/sync/snapshot")) {
                String type = request.url().queryParameter("entityType");
                snapshotTypes.add(type);
                List<Map<String, Object>> rows = type.equals(Feed.MEMBER)
                        ? List.of(Map.of("id", "00000000-0000-0000-0000-000000000001", "lastName", "Fresh",
                                "memberNumber", "1001", "firstName", "Ada", "cardVersion", 1))
                        : List.of();
                return new SyncApi.SnapshotPage(type, rows, null, type.equals(Feed.MEMBER) ? 70 : 90);
            }
            return tokenOrLeases(request);
        };

        try {
            desk.syncOnce();
        } catch (RuntimeException lost) {
            // the first push's answer never came
        }
        assertEquals(1, desk.pendingOperations());
        desk.syncOnce();

        assertEquals(Feed.ENTITY_TYPES, snapshotTypes);
        long cursor = local.store.inTransaction(s -> s.find(DeviceState.class, DeviceState.ID).pullCursor);
        assertEquals(70, cursor);
        assertEquals(List.of("Fresh"), desk.members().search("", 10).stream()
                .filter(m -> !m.pending()).map(m -> m.lastName()).toList(), "the stale member is gone");
        assertEquals(2, pushes.size());
        assertEquals(pushes.get(0).operations().getFirst().opId(), pushes.get(1).operations().getFirst().opId(),
                "the same operation, resent");
        OutboxEntry entry = local.store.inTransaction(s -> s.createSelectionQuery("from OutboxEntry", OutboxEntry.class)
                .getSingleResult());
        assertEquals("APPLIED", entry.outcomeStatus);
        assertTrue(desk.status().online());
    }
}
