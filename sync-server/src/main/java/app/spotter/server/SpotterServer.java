package app.spotter.server;

import app.spotter.server.config.ServerConfig;
import app.spotter.server.config.ServerSecrets;
import app.spotter.server.demo.DemoGym;
import java.time.Clock;

/** Starts the sync server from environment variables. With none set: embedded H2 under ./data. */
public final class SpotterServer {

    private SpotterServer() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && !args[0].startsWith("--")) {
            System.exit(command(args, System.getenv(), System.in, System.console(), System.out, System.err));
        }
        ServerConfig config = ServerConfig.fromEnvironment();
        for (String arg : args) {
            if ("--demo".equals(arg)) {
                config = config.withDemoData(true);
            }
        }
        SpotterApp app = SpotterApp.create(config, ServerSecrets.load(System.getenv(), config.dataDir()), Clock.systemUTC()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "spotter-shutdown"));
        if (config.demoData()) {
            boolean loaded = new DemoGym(app.services(), config.defaultZone()).loadIfEmpty();
            System.out.println(loaded ? "Loaded the demo gym." : "Demo gym already present in the database.");
        }
        System.out.println();
        System.out.println("Spotter sync server is running at " + app.baseUrl());
        System.out.println("  database: " + (config.isH2() ? "embedded H2 in " + config.dataDir() : config.databaseUrl()));
        System.out.println("  API description: " + app.baseUrl() + "/openapi.json");
        if (config.demoData()) {
            System.out.println("  Demo logins (e-mail / password):");
            for (DemoGym.DemoLogin login : DemoGym.LOGINS) {
                System.out.printf("    %-28s %-16s %-11s %s%n", login.email(), login.password(), login.role(), login.who());
            }
            System.out.println("  Try: curl -s " + app.baseUrl() + "/api/public/sessions/");
        }
        System.out.println("Press Ctrl+C to stop.");
    }

    /**
     * A one-off command instead of the server, with the server's settings from {@code env}:
     * {@code create-admin} (see {@link CreateAdminCommand}). Returns the process exit code.
     */
    static int command(String[] args, java.util.Map<String, String> env, java.io.InputStream in, java.io.Console console,
                       java.io.PrintStream out, java.io.PrintStream err) {
        if (!"create-admin".equals(args[0])) {
            err.println("Unknown command '" + args[0] + "'. Commands: create-admin; options of the server: --demo");
            return CreateAdminCommand.USAGE;
        }
        ServerConfig config = ServerConfig.from(env);
        try {
            return CreateAdminCommand.run(args, config, ServerSecrets.load(env, config.dataDir()), in, console, out, err);
        } catch (RuntimeException e) {
            err.println("create-admin: " + e.getMessage());
            return CreateAdminCommand.REFUSED;
        }
    }
}
