package app.spotter.desk;

import app.spotter.model.common.UserId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the desk was asked to start: the command line, then the environment for what it lacks.
 * {@code --server URL --pairing-code CODE [--name NAME] [--staff-id UUID]} pairs a fresh desk
 * with a server at start (the demo script and scripted installs use it), instead of the
 * enrollment screen.
 *
 * @param demo       {@code --demo}: an offline desk on an in-memory demo gym
 * @param serverUrl  {@code --server} or SPOTTER_SERVER_URL
 * @param pairingCode {@code --pairing-code} or SPOTTER_PAIRING_CODE
 * @param deskName   {@code --name} or SPOTTER_DESK_NAME, default "Front desk"
 * @param staff      {@code --staff-id} or SPOTTER_STAFF_ID: parsed for old scripts; the desk now asks
 *                   staff to log in and records their own id
 */
public record DeskStartup(boolean demo, String serverUrl, String pairingCode, String deskName,
                          Optional<UserId> staff) {

    public static DeskStartup parse(List<String> args, Map<String, String> env) {
        String server = option(args, "--server", env.get("SPOTTER_SERVER_URL"));
        String code = option(args, "--pairing-code", env.get("SPOTTER_PAIRING_CODE"));
        String name = option(args, "--name", env.getOrDefault("SPOTTER_DESK_NAME", "Front desk"));
        String staff = option(args, "--staff-id", env.get("SPOTTER_STAFF_ID"));
        return new DeskStartup(args.contains("--demo"), blankToNull(server), blankToNull(code), name,
                Optional.ofNullable(blankToNull(staff)).map(UserId::of));
    }

    /** True when the desk should pair itself with a server before showing anything. */
    public boolean pairsAtStart() {
        return !demo && serverUrl != null && pairingCode != null;
    }

    private static String option(List<String> args, String name, String fallback) {
        int i = args.indexOf(name);
        if (i >= 0) {
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            return args.get(i + 1);
        }
        String prefix = name + "=";
        return args.stream().filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length()))
                .findFirst().orElse(fallback);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
