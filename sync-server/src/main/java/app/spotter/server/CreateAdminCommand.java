package app.spotter.server;

import app.spotter.model.api.AuthApi.Profile;
import app.spotter.server.config.ServerConfig;
import app.spotter.server.config.ServerSecrets;
import app.spotter.server.http.ApiException;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;

/**
 * {@code spotter-server create-admin --email E [--name N] [--timezone Z] [--force]}: makes the first
 * admin of a new gym against the configured database, without starting the web server. The
 * password is typed at a prompt (twice) or read from the first line of stdin, never taken from the
 * command line, where it would show in the process list and the shell history.
 */
final class CreateAdminCommand {

    static final int OK = 0;
    static final int REFUSED = 1;
    static final int USAGE = 2;

    private static final String USAGE_TEXT = """
            Usage: spotter-server create-admin --email EMAIL [--name NAME] [--timezone ZONE] [--force]
              Creates an admin login in the configured database (same settings as the server).
              The password is asked for at the prompt, or read from the first line of stdin:
                printf '%s\\n' "$PASSWORD" | spotter-server create-admin --email owner@gym.example
              Refuses when the gym already has an active admin, unless --force.""";

    private CreateAdminCommand() {
    }

    static int run(String[] args, ServerConfig config, ServerSecrets secrets, InputStream in, Console console,
                   PrintStream out, PrintStream err) {
        String email = null;
        String name = "Administrator";
        String timezone = null;
        boolean force = false;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--email" -> email = i + 1 < args.length ? args[++i] : null;
                case "--name" -> name = i + 1 < args.length ? args[++i] : null;
                case "--timezone" -> timezone = i + 1 < args.length ? args[++i] : null;
                case "--force" -> force = true;
                default -> {
                    if (a.startsWith("--password")) {
                        err.println("create-admin: never pass the password on the command line (it shows in the process list"
                                + " and the shell history); type it at the prompt or pipe it on stdin.");
                    } else {
                        err.println("create-admin: unknown argument " + a);
                    }
                    err.println(USAGE_TEXT);
                    return USAGE;
                }
            }
        }
        if (email == null || email.isBlank() || name == null) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        char[] password = readPassword(in, console, err);
        if (password == null) {
            return USAGE;
        }
        try (SpotterApp app = SpotterApp.create(config, secrets, Clock.systemUTC())) {
            Profile admin = app.services().accounts().createAdminAtInstall(email, new String(password), name, timezone, force,
                    "create-admin command as OS user " + System.getProperty("user.name"));
            out.println("Created admin " + admin.email() + " (id " + admin.id() + "). Log in with this e-mail and password.");
            return OK;
        } catch (ApiException e) {
            err.println("create-admin: " + e.getMessage() + (e.field() == null ? "" : " (" + e.field() + ")"));
            return REFUSED;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static char[] readPassword(InputStream in, Console console, PrintStream err) {
        if (console != null) {
            char[] first = console.readPassword("Password for the new admin (at least 8 characters): ");
            char[] second = console.readPassword("Same password again: ");
            if (first == null || second == null || !Arrays.equals(first, second)) {
                err.println("create-admin: the two passwords differ");
                return null;
            }
            Arrays.fill(second, '\0');
            return first;
        }
        try {
            String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                err.println("create-admin: no password on stdin (give it as the first line, or run in a terminal to be asked)");
                return null;
            }
            return line.toCharArray();
        } catch (IOException e) {
            err.println("create-admin: cannot read the password: " + e.getMessage());
            return null;
        }
    }
}
