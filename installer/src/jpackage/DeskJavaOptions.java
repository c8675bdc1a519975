import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the jpackage argument file with the desk's extra JVM options for the runtime that
 * jpackage bundles, which is the JDK running this file (the build's toolchain JDK). JavaFX 21
 * and H2 use sun.misc.Unsafe and native access; from JDK 23 on the JVM warns about both unless
 * allowed, while JDK 21 and 22 refuse {@code --sun-misc-unsafe-memory-access}. So the flag goes
 * in only for 23+. Run as {@code java DeskJavaOptions.java <argfile>}.
 */
public final class DeskJavaOptions {

    private DeskJavaOptions() {
    }

    public static void main(String[] args) throws IOException {
        int feature = Runtime.version().feature();
        String options = feature >= 23
                ? "--java-options --sun-misc-unsafe-memory-access=allow\n"
                : "";
        Path file = Path.of(args[0]);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, options);
        System.out.println("jpackage bundles a Java " + feature + " runtime; extra desk options: "
                + (options.isEmpty() ? "none" : options.strip()));
    }
}
