package app.spotter.server.keys;

import app.spotter.server.audit.AuditLog;
import app.spotter.server.config.AtRestCipher;
import app.spotter.server.db.Transactions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.hibernate.Session;

/**
 * Re-encrypts every value at rest that is not sealed with the current key (a retired key after a
 * rotation, or a value written before key ids), while the server serves: batches of
 * {@value #BATCH} rows, each in a transaction of its own, each row written only if it still holds
 * the value that was read (a concurrent edit wins and already carries the current key). Plain SQL,
 * so nothing reaches the sync change feed and no row's {@code updated_at} moves: the plaintext does
 * not change. Once every row is under the current key the retired keys can be dropped.
 */
public final class AtRestReencryption implements AutoCloseable {

    static final int BATCH = 100;

    /**
     * A column of sealed values: its table, key column and the associated data each value was sealed
     * with (null: none). The associated data rules are the ones of the writers (MemberCardSigner,
     * StaffTotp); a change there must change here.
     */
    public record SealedColumn(String table, String idColumn, String valueColumn, Function<Object, byte[]> associatedData) {
    }

    /** Every column the server keeps sealed with its at-rest key. */
    public static final List<SealedColumn> COLUMNS = List.of(
            new SealedColumn("member", "id", "health_notes_enc", id -> null),
            new SealedColumn("server_key", "id", "private_enc", id -> id.toString().getBytes(StandardCharsets.US_ASCII)),
            new SealedColumn("app_user", "id", "totp_secret_enc",
                    id -> ("totp:" + id).getBytes(StandardCharsets.US_ASCII)));

    /** What one run did, per table: re-encrypted rows, and rows no key opens (left as they are). */
    public record Outcome(Map<String, Integer> reencrypted, Map<String, Integer> unreadable) {
        public int total() {
            return reencrypted.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private final Transactions tx;
    private final AtRestCipher cipher;
    private final AuditLog audit;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "spotter-reencryption");
        t.setDaemon(true);
        return t;
    });
    private volatile CompletableFuture<Outcome> running = CompletableFuture.completedFuture(
            new Outcome(Map.of(), Map.of()));

    public AtRestReencryption(Transactions tx, AtRestCipher cipher, AuditLog audit) {
        this.tx = tx;
        this.cipher = cipher;
        this.audit = audit;
    }

    /** Starts a run in the background; the server serves meanwhile. */
    public synchronized CompletableFuture<Outcome> startInBackground() {
        running = CompletableFuture.supplyAsync(this::runNow, worker);
        return running;
    }

    /** The latest background run (tests wait on it). */
    public CompletableFuture<Outcome> latest() {
        return running;
    }

    /** One full pass over every sealed column, in batches. */
    public Outcome runNow() {
        Map<String, Integer> done = new LinkedHashMap<>();
        Map<String, Integer> unreadable = new LinkedHashMap<>();
        for (SealedColumn column : COLUMNS) {
            Object after = null;
            while (true) {
                Batch batch = reencryptBatch(column, after);
                done.merge(column.table(), batch.reencrypted(), Integer::sum);
                if (batch.unreadable() > 0) {
                    unreadable.merge(column.table(), batch.unreadable(), Integer::sum);
                }
                if (batch.lastId() == null) {
                    break;
                }
                after = batch.lastId();
            }
        }
        Outcome outcome = new Outcome(done, unreadable);
        if (outcome.total() > 0 || !unreadable.isEmpty()) {
            tx.run(s -> audit.record(s, Optional.empty(), "AT_REST_REENCRYPTED", "EncryptionKey", cipher.currentKeyId(),
                    null, outcome));
        }
        if (!unreadable.isEmpty()) {
            System.err.println("Re-encryption: rows no configured key opens (left unchanged): " + unreadable);
        }
        return outcome;
    }

    private record Batch(int reencrypted, int unreadable, Object lastId) {
    }

    private Batch reencryptBatch(SealedColumn c, Object after) {
        return tx.inTransaction(session -> {
            List<Object[]> rows = select(session, c, after);
            int count = 0;
            int failed = 0;
            for (Object[] row : rows) {
                Object id = row[0];
                String old = (String) row[1];
                byte[] plain;
                try {
                    plain = cipher.open(old, c.associatedData().apply(id));
                } catch (IllegalStateException e) {
                    failed++;
                    continue;
                }
                String fresh = cipher.seal(plain, c.associatedData().apply(id));
                java.util.Arrays.fill(plain, (byte) 0);
                count += session.createNativeMutationQuery("update " + c.table() + " set " + c.valueColumn() + " = :fresh"
                                + " where " + c.idColumn() + " = :id and " + c.valueColumn() + " = :old")
                        .setParameter("fresh", fresh).setParameter("id", id).setParameter("old", old).executeUpdate();
            }
            return new Batch(count, failed, rows.size() < BATCH ? null : rows.get(rows.size() - 1)[0]);
        });
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> select(Session session, SealedColumn c, Object after) {
        String sql = "select " + c.idColumn() + ", " + c.valueColumn() + " from " + c.table()
                + " where " + c.valueColumn() + " is not null and " + c.valueColumn() + " not like :current"
                + (after == null ? "" : " and " + c.idColumn() + " > :after")
                + " order by " + c.idColumn();
        var q = session.createNativeQuery(sql, Object[].class).setParameter("current", cipher.currentPrefix() + "%");
        if (after != null) {
            q.setParameter("after", after);
        }
        return new ArrayList<>(q.setMaxResults(BATCH).getResultList());
    }

    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** For tests: waits for the latest run. */
    public Outcome await(Duration timeout) throws Exception {
        return running.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
