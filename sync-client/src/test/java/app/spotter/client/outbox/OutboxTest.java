package app.spotter.client.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.client.members.NewMember;
import app.spotter.client.store.DeskJson;
import app.spotter.client.store.DeviceState;
import app.spotter.client.support.LocalDesk;
import app.spotter.model.common.UserId;
import app.spotter.model.sync.HlcTimestamp;
import app.spotter.model.sync.OperationPayload;
import app.spotter.model.sync.SyncApi;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutboxTest {

    private final LocalDesk local = new LocalDesk();
    private final UserId staff = UserId.random();

    @AfterEach
    void close() {
        local.close();
    }

    private List<OutboxEntry> entries() {
        return local.store.inTransaction(s -> s.createSelectionQuery("from OutboxEntry order by sequence", OutboxEntry.class)
                .getResultList());
    }

    @Test
    void sequencesAreGaplessUnderConcurrentLocalChanges() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                done.add(pool.submit(() -> local.desk.members().register(staff,
                        new NewMember("Ada", "Lovelace" + n, null, null, null))));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        List<OutboxEntry> entries = entries();
        assertEquals(40, entries.size());
        for (int i = 0; i < entries.size(); i++) {
            assertEquals(i + 1, entries.get(i).sequence, "sequence " + (i + 1) + " is missing or doubled");
        }
        long next = local.store.inTransaction(s -> s.find(DeviceState.class, DeviceState.ID).nextSequence);
        assertEquals(41, next);
    }

    @Test
    void aChangeKilledBeforeCommitLeavesNeitherItsOperationNorItsSequence() {
        local.desk.members().register(staff, new NewMember("Ada", "Before", null, null, null));
        Outbox outbox = new Outbox(DeskJson.mapper(), Clock.systemUTC());
        assertThrows(IllegalStateException.class, () -> local.store.run(session -> {
            outbox.append(session, staff, new OperationPayload.ResolveConflict(java.util.UUID.randomUUID(), "ACCEPT"),
                    Map.of(), LocalEffect.NONE);
            throw new IllegalStateException("desk killed mid-transaction");
        }));
        local.desk.members().register(staff, new NewMember("Ada", "After", null, null, null));

        List<OutboxEntry> entries = entries();
        assertEquals(List.of(1L, 2L), entries.stream().map(e -> e.sequence).toList());
        assertEquals(List.of("REGISTER_MEMBER", "REGISTER_MEMBER"), entries.stream().map(e -> e.type).toList());
    }

    @Test
    void aRestartedDeskKeepsItsOutboxAndContinuesSequenceAndClock() {
        for (int i = 0; i < 3; i++) {
            local.desk.members().register(staff, new NewMember("Ada", "Crash" + i, null, null, null));
        }
        HlcTimestamp lastBefore = hlc(entries().getLast());

        local.crash();
        // The desk comes back with its wall clock an hour behind (a wrong NTP setting).
        local.clock.advance(Duration.ofHours(-1));
        local.open();

        assertEquals(3, local.desk.status().pendingOperations());
        local.desk.members().register(staff, new NewMember("Ada", "Again", null, null, null));
        List<OutboxEntry> entries = entries();
        assertEquals(List.of(1L, 2L, 3L, 4L), entries.stream().map(e -> e.sequence).toList());
        assertTrue(hlc(entries.getLast()).compareTo(lastBefore) > 0, "the clock went backwards after a restart");
        assertEquals(local.deviceId, entries.getLast().hlcNode);
    }

    @Test
    void anOperationGoesOutExactlyAsItWasRecorded() {
        var memberId = local.desk.members().register(staff, new NewMember("Grace", "Hopper", "g@h.example", null, null));
        OutboxEntry entry = entries().getFirst();
        SyncApi.Operation op = new Outbox(DeskJson.mapper(), Clock.systemUTC()).toOperation(entry);

        assertEquals(1, op.sequence());
        assertEquals(staff, op.actor());
        OperationPayload.RegisterMember payload = (OperationPayload.RegisterMember) op.payload();
        assertEquals(memberId, payload.memberId());
        assertEquals("g@h.example", payload.email());
        assertEquals(local.deviceId, op.hlc().node());
    }

    @Test
    void aServerOutcomeIsRecordedOnceAndTheOperationLeavesThePendingCount() {
        local.desk.members().register(staff, new NewMember("Ada", "Done", null, null, null));
        OutboxEntry entry = entries().getFirst();
        Outbox outbox = new Outbox(DeskJson.mapper(), local.clock);
        local.store.run(s -> outbox.recordOutcome(s, new SyncApi.OperationOutcome(entry.opId, 1,
                SyncApi.OutcomeStatus.REJECTED, "FIRST", null)));
        local.store.run(s -> outbox.recordOutcome(s, new SyncApi.OperationOutcome(entry.opId, 1,
                SyncApi.OutcomeStatus.APPLIED, null, null)));

        OutboxEntry after = entries().getFirst();
        assertEquals(OutboxEntry.DONE, after.status);
        assertEquals("REJECTED", after.outcomeStatus);
        assertEquals("FIRST", after.reason);
        assertEquals(0L, local.store.inTransaction(outbox::pendingCount));
    }

    private static HlcTimestamp hlc(OutboxEntry e) {
        return new HlcTimestamp(e.hlcWall, e.hlcCounter, e.hlcNode);
    }
}
