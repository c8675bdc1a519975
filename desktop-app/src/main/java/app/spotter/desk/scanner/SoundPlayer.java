package app.spotter.desk.scanner;

/** Plays a {@link Sound}. The station's speaker in the app; a recorder in tests. */
@FunctionalInterface
public interface SoundPlayer {

    /** Starts the sound and returns at once; a machine without a sound card stays silent. */
    void play(Sound sound);
}
