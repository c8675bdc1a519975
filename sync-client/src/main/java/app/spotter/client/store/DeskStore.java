package app.spotter.client.store;

import app.spotter.client.outbox.OutboxEntry;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

/**
 * The desk's own H2 database: a file under the data folder in production, in memory in tests.
 * Flyway owns the schema ({@code db/desk}); Hibernate sits on top. Every local change is one
 * {@link #inTransaction} call, so a desk killed half-way leaves either all of it or none.
 */
public final class DeskStore implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final SessionFactory sessionFactory;

    private DeskStore(HikariDataSource dataSource, SessionFactory sessionFactory) {
        this.dataSource = dataSource;
        this.sessionFactory = sessionFactory;
    }

    /** The store in {@code dataDir/desk} (created if missing). */
    public static DeskStore inDirectory(Path dataDir) {
        return open("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("desk") + ";DB_CLOSE_ON_EXIT=FALSE");
    }

    /** A named in-memory store that outlives its connections until {@link #shutdown()}. */
    public static DeskStore inMemory(String name) {
        return open("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    }

    public static DeskStore open(String jdbcUrl) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(jdbcUrl);
        hc.setUsername("sa");
        hc.setPassword("");
        hc.setMaximumPoolSize(4);
        hc.setPoolName("desk");
        hc.setAutoCommit(false);
        HikariDataSource ds = new HikariDataSource(hc);
        // Start-up time is the desk's first impression: Hibernate builds its metamodel without
        // asking the database (the product named, no JDBC metadata), so it can do that on a second
        // core while Flyway brings the schema up to date on this one.
        CompletableFuture<SessionFactory> hibernate = CompletableFuture.supplyAsync(() -> sessionFactory(ds));
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/desk").load().migrate();
            return new DeskStore(ds, hibernate.join());
        } catch (RuntimeException e) {
            hibernate.thenAccept(SessionFactory::close);
            ds.close();
            throw e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static SessionFactory sessionFactory(HikariDataSource ds) {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting("hibernate.connection.datasource", ds)
                .applySetting("jakarta.persistence.database-product-name", "H2")
                .applySetting("hibernate.boot.allow_jdbc_metadata_access", "false")
                .applySetting("hibernate.hbm2ddl.auto", "none")
                .applySetting("hibernate.connection.provider_disables_autocommit", "true")
                .applySetting("hibernate.jdbc.batch_size", "50")
                .applySetting("hibernate.order_inserts", "true")
                .applySetting("hibernate.jdbc.time_zone", "UTC")
                .build();
        MetadataSources sources = new MetadataSources(registry);
        sources.addAnnotatedClass(MirrorRow.class);
        sources.addAnnotatedClass(DeviceState.class);
        sources.addAnnotatedClass(OutboxEntry.class);
        sources.addAnnotatedClass(app.spotter.client.staff.StaffLoginRow.class);
        return sources.buildMetadata().buildSessionFactory();
    }

    /** Runs the work in one local transaction; commits, or rolls back and rethrows. */
    public <T> T inTransaction(Function<Session, T> work) {
        try (Session session = sessionFactory.openSession()) {
            Transaction tx = session.beginTransaction();
            try {
                T result = work.apply(session);
                tx.commit();
                return result;
            } catch (RuntimeException | Error e) {
                if (tx.isActive()) {
                    tx.rollback();
                }
                throw e;
            }
        }
    }

    public void run(Consumer<Session> work) {
        inTransaction(session -> {
            work.accept(session);
            return null;
        });
    }

    /** Drops an in-memory database for good (a file database just closes). */
    public void shutdown() {
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            s.execute("shutdown");
        } catch (java.sql.SQLException ignored) {
            // already closed
        }
        close();
    }

    @Override
    public void close() {
        sessionFactory.close();
        dataSource.close();
    }
}
