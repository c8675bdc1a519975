package app.spotter.desk;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * Where the desk keeps its data and what it was set up with: {@code desk.properties} in the data
 * folder ({@code SPOTTER_DESK_HOME}, default {@code ~/.spotter-desk}). The local H2 store sits
 * beside it.
 */
public final class DeskSettings {

    private final Path dataDir;
    private final Properties values = new Properties();

    private DeskSettings(Path dataDir) {
        this.dataDir = dataDir;
    }

    public static DeskSettings load(Path dataDir) {
        DeskSettings settings = new DeskSettings(dataDir);
        Path file = dataDir.resolve("desk.properties");
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                settings.values.load(in);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read " + file, e);
            }
        }
        return settings;
    }

    public static Path defaultDataDir() {
        String home = System.getenv("SPOTTER_DESK_HOME");
        return home != null ? Path.of(home) : Path.of(System.getProperty("user.home"), ".spotter-desk");
    }

    public void save() {
        try {
            Files.createDirectories(dataDir);
            try (Writer out = Files.newBufferedWriter(dataDir.resolve("desk.properties"))) {
                values.store(out, "Spotter desk");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the desk's settings in " + dataDir, e);
        }
    }

    public Path dataDir() {
        return dataDir;
    }

    public String serverUrl() {
        return values.getProperty("serverUrl");
    }

    public void serverUrl(String url) {
        values.setProperty("serverUrl", url);
    }

    public String mode() {
        return values.getProperty("mode", "FRONT_DESK");
    }

    public void mode(String mode) {
        values.setProperty("mode", mode);
    }

    /** The stored hash of the manager PIN, null until set. */
    public String managerPin() {
        return values.getProperty("managerPin");
    }

    public void managerPin(String stored) {
        values.setProperty("managerPin", stored);
    }

    public Locale locale() {
        String tag = values.getProperty("locale");
        return tag == null ? Locale.getDefault() : Locale.forLanguageTag(tag);
    }
}
