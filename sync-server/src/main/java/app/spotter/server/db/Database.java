package app.spotter.server.db;

import app.spotter.server.config.ServerConfig;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

/**
 * The server's database: a connection pool, the Flyway migrations (the same scripts on
 * PostgreSQL and H2, plus vendor-only constraints) and Hibernate on top.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final SessionFactory sessionFactory;
    private final Vendor vendor;

    public enum Vendor { POSTGRESQL, H2 }

    private Database(HikariDataSource dataSource, SessionFactory sessionFactory, Vendor vendor) {
        this.dataSource = dataSource;
        this.sessionFactory = sessionFactory;
        this.vendor = vendor;
    }

    public static Database open(ServerConfig config, List<Class<?>> entities) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(config.databaseUrl());
        hc.setUsername(config.databaseUser());
        hc.setPassword(config.databasePassword());
        hc.setMaximumPoolSize(config.maxPoolSize());
        hc.setPoolName("spotter");
        hc.setAutoCommit(false);
        HikariDataSource ds = new HikariDataSource(hc);
        try {
            Vendor vendor = config.isH2() ? Vendor.H2 : Vendor.POSTGRESQL;
            migrate(ds, vendor);
            StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                    .applySetting("hibernate.connection.datasource", ds)
                    .applySetting("hibernate.hbm2ddl.auto", "none")
                    .applySetting("hibernate.connection.provider_disables_autocommit", "true")
                    .applySetting("hibernate.jdbc.batch_size", "50")
                    .applySetting("hibernate.jdbc.time_zone", "UTC")
                    .build();
            MetadataSources sources = new MetadataSources(registry);
            entities.forEach(sources::addAnnotatedClass);
            SessionFactory sf = sources.buildMetadata().buildSessionFactory();
            return new Database(ds, sf, vendor);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
    }

    private static void migrate(DataSource ds, Vendor vendor) {
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration/common",
                        "classpath:db/migration/" + (vendor == Vendor.H2 ? "h2" : "postgresql"))
                .failOnMissingLocations(false)
                .load()
                .migrate();
    }

    public SessionFactory sessionFactory() {
        return sessionFactory;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Vendor vendor() {
        return vendor;
    }

    @Override
    public void close() {
        sessionFactory.close();
        dataSource.close();
    }
}
