package app.spotter.desk.bench;

import app.spotter.client.Desk;
import app.spotter.client.checkin.CheckInResult;
import app.spotter.client.store.DeskStore;
import app.spotter.client.store.Feed;
import app.spotter.desk.DeskApp;
import app.spotter.desk.demo.DemoGym;
import app.spotter.model.common.MemberId;
import app.spotter.model.common.UserId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;

/**
 * The desk's own figures, printed as {@code BENCH <name> <value> <unit>}:
 * <ol>
 *   <li>launch to a ready check-in screen (headless under Monocle, the {@code --demo} start path)
 *       and the resident memory right after;</li>
 *   <li>check-in decision latency through {@code CheckIns.byStaff} and {@code byQr} on an offline
 *       desk whose H2 file store mirrors 50,000 members and 1,000,000 past check-ins, against a
 *       plain indexed JDBC lookup of the same member's rows in the same run.</li>
 * </ol>
 * Runs with {@code ./mvnw -q -pl desktop-app -am -DskipTests package exec:exec@deskbench}.
 * Not a test: it lives with the tests only for Monocle and to stay out of the desk's jar.
 */
public final class DeskBenchmark {

    private static final int MEMBERS = Integer.getInteger("bench.members", 50_000);
    private static final int CHECK_INS = Integer.getInteger("bench.checkIns", 1_000_000);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 300);
    private static final int SAMPLES = Integer.getInteger("bench.samples", 1_000);

    private DeskBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        launchToReady();
        checkInLatency();
        System.exit(0);
    }

    // --- 1. start-up -------------------------------------------------------------------------

    private static void launchToReady() throws Exception {
        Instant jvmStart = ProcessHandle.current().info().startInstant().orElseThrow();
        long before = System.nanoTime();
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        long fxUp = System.nanoTime();
        AtomicReference<DeskApp> app = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                app.set(DeskApp.open(new Stage(), List.of("--demo")));
                // One more pulse, so the check-in screen has been laid out and shown.
                Platform.runLater(ready::countDown);
            } catch (Throwable e) {
                failure.set(e);
                ready.countDown();
            }
        });
        if (!ready.await(2, TimeUnit.MINUTES) || failure.get() != null) {
            throw new IllegalStateException("The desk did not start", failure.get());
        }
        long readyAt = System.nanoTime();
        Instant readyInstant = Instant.now();
        print("desk_jvm_start_to_ready_checkin", Duration.between(jvmStart, readyInstant).toMillis(), "ms");
        print("desk_fx_start_to_ready_checkin", ms(readyAt - before), "ms");
        print("desk_deskapp_open_to_ready_checkin", ms(readyAt - fxUp), "ms");
        print("desk_rss_after_start", vmRssMb(), "MB");
        CountDownLatch closed = new CountDownLatch(1);
        Platform.runLater(() -> {
            app.get().close();
            closed.countDown();
        });
        closed.await();
    }

    // --- 2. decisions on a big store ---------------------------------------------------------

    private static void checkInLatency() throws Exception {
        Path dir = Files.createTempDirectory("spotter-deskbench");
        try {
            DeskStore store = DeskStore.inDirectory(dir);
            DemoGym gym = new DemoGym(store);
            String monthly = gym.plan("Monthly unlimited", "RECURRING_MONTHLY");
            // The same database as the store (one H2 engine per JVM), for bulk rows and the baseline.
            String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("desk") + ";DB_CLOSE_ON_EXIT=FALSE";
            MemberId[] members = new MemberId[MEMBERS];
            long loadStart = System.nanoTime();
            try (Connection jdbc = DriverManager.getConnection(url, "sa", "")) {
                jdbc.setAutoCommit(false);
                bulkLoad(jdbc, members, monthly);
            }
            print("deskbench_bulk_load", ms(System.nanoTime() - loadStart) / 1000.0, "s");
            print("deskbench_store_size", folderMb(dir), "MB");

            Desk desk = new Desk(store, Desk.Settings.of("http://127.0.0.1:9", new OkHttpClient(), Clock.systemUTC()));
            UserId staff = UserId.random();
            RandomGenerator random = RandomGenerator.of("L64X128MixRandom");
            Instant issued = Instant.now().minus(Duration.ofDays(30));

            double[] byStaff = measure(i -> {
                CheckInResult r = desk.checkIns().byStaff(staff, members[random.nextInt(MEMBERS)]);
                if (r.decision() == null) {
                    throw new IllegalStateException("no decision");
                }
            });
            report("checkin_by_staff", byStaff);
            // Cards are signed before timing: the door only verifies them.
            String[] cards = new String[WARMUP + SAMPLES];
            for (int i = 0; i < cards.length; i++) {
                cards[i] = gym.card(members[random.nextInt(MEMBERS)], issued);
            }
            int[] next = {0};
            double[] byQr = measure(i -> {
                CheckInResult r = desk.checkIns().byQr(staff, cards[next[0]++]);
                if (r.memberId() == null) {
                    throw new IllegalStateException("card not accepted: " + r.decision());
                }
            });
            report("checkin_by_qr", byQr);
            print("deskbench_outbox_entries_after", desk.pendingOperations(), "ops");

            double[] baseline;
            try (Connection jdbc = DriverManager.getConnection(url, "sa", "")) {
                baseline = baseline(jdbc, members, random);
            }
            report("baseline_plain_jdbc_member_lookup", baseline);
            print("ratio_by_staff_vs_baseline_p50", round(byStaff[0] / baseline[0]), "x");
            print("ratio_by_staff_vs_baseline_p99", round(byStaff[1] / baseline[1]), "x");
            print("ratio_by_qr_vs_baseline_p50", round(byQr[0] / baseline[0]), "x");
            desk.close();
            store.close();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void bulkLoad(Connection jdbc, MemberId[] members, String planId) throws SQLException {
        String insert = "insert into mirror_row (entity_type, entity_id, data, position, member_id, membership_id,"
                + " member_number, last_name) values (?, ?, ?, ?, ?, ?, ?, ?)";
        LocalDate startsOn = LocalDate.now(ZoneOffset.UTC).minusYears(2);
        long position = 1_000;
        try (PreparedStatement ps = jdbc.prepareStatement(insert)) {
            for (int i = 0; i < MEMBERS; i++) {
                MemberId id = MemberId.random();
                members[i] = id;
                String number = String.valueOf(100_000 + i);
                String last = "Member" + i;
                row(ps, Feed.MEMBER, id.toString(), "{\"id\":\"" + id + "\",\"memberNumber\":\"" + number
                        + "\",\"firstName\":\"Bench\",\"lastName\":\"" + last + "\",\"phone\":\"+49 30 " + i
                        + "\",\"cardVersion\":1,\"versionVector\":\"server=1\"}", ++position, id.toString(), null,
                        number, last.toLowerCase(java.util.Locale.ROOT));
                String membership = UUID.randomUUID().toString();
                row(ps, Feed.MEMBERSHIP, membership, "{\"id\":\"" + membership + "\",\"memberId\":\"" + id
                        + "\",\"planId\":\"" + planId + "\",\"status\":\"ACTIVE\",\"startsOn\":\"" + startsOn
                        + "\",\"endsOn\":null}", ++position, id.toString(), membership, null, null);
                if (i % 5_000 == 4_999) {
                    ps.executeBatch();
                    jdbc.commit();
                }
            }
            ps.executeBatch();
            jdbc.commit();
            RandomGenerator random = RandomGenerator.of("L64X128MixRandom");
            Instant now = Instant.now();
            for (int i = 0; i < CHECK_INS; i++) {
                MemberId m = members[random.nextInt(MEMBERS)];
                // Past visits over two years, all at least a day ago.
                Instant at = now.minus(Duration.ofMinutes(1_440 + random.nextLong(2 * 365 * 1_440L)));
                String id = UUID.randomUUID().toString();
                row(ps, Feed.CHECK_IN, id, "{\"id\":\"" + id + "\",\"memberId\":\"" + m + "\",\"method\":\"QR\","
                        + "\"decidedAt\":\"" + at + "\",\"admitted\":true,\"reason\":\"OK\"}", ++position,
                        m.toString(), null, null, null);
                if (i % 10_000 == 9_999) {
                    ps.executeBatch();
                    jdbc.commit();
                }
            }
            ps.executeBatch();
            jdbc.commit();
        }
    }

    private static void row(PreparedStatement ps, String type, String id, String data, long position, String memberId,
                            String membershipId, String number, String lastName) throws SQLException {
        ps.setString(1, type);
        ps.setString(2, id);
        ps.setString(3, data);
        ps.setLong(4, position);
        ps.setString(5, memberId);
        ps.setString(6, membershipId);
        ps.setString(7, number);
        ps.setString(8, lastName);
        ps.addBatch();
    }

    /** The same member's rows by plain indexed SQL: the member, their memberships, their visits. */
    private static double[] baseline(Connection jdbc, MemberId[] members, RandomGenerator random) throws SQLException {
        String sql = "select data from mirror_row where entity_type = ? and member_id = ?";
        try (PreparedStatement ps = jdbc.prepareStatement(sql)) {
            IntConsumer lookup = i -> {
                String m = members[random.nextInt(MEMBERS)].toString();
                try {
                    int rows = 0;
                    for (String type : new String[] {Feed.MEMBER, Feed.MEMBERSHIP, Feed.CHECK_IN}) {
                        ps.setString(1, type);
                        ps.setString(2, m);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                rows += rs.getString(1).length() > 0 ? 1 : 0;
                            }
                        }
                    }
                    if (rows == 0) {
                        throw new IllegalStateException("member not found");
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            };
            return measure(lookup);
        }
    }

    /** p50 and p99 in milliseconds after a warm-up. */
    private static double[] measure(IntConsumer work) {
        for (int i = 0; i < WARMUP; i++) {
            work.accept(i);
        }
        long[] nanos = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long t = System.nanoTime();
            work.accept(i);
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        return new double[] {nanos[SAMPLES / 2] / 1e6, nanos[(int) (SAMPLES * 0.99)] / 1e6};
    }

    private static void report(String name, double[] p) {
        print(name + "_p50", round(p[0]), "ms");
        print(name + "_p99", round(p[1]), "ms");
    }

    private static double vmRssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return round(Long.parseLong(line.replaceAll("\\D+", "")) / 1024.0);
            }
        }
        return -1;
    }

    private static double folderMb(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return round(files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum() / 1e6);
        }
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000L;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static void print(String name, Object value, String unit) {
        System.out.println("BENCH " + name + " " + value + " " + unit);
    }
}
