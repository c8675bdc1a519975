package app.spotter.desk.scanner;

import java.util.EnumMap;
import java.util.Map;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Clip;
import javax.sound.sampled.LineUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays the station's tones on the default speaker through a {@link Clip} (it plays on the sound
 * system's own line, so nothing here starts a thread). A machine without a sound card, or a
 * headless test run, logs once and stays silent: the screen still shows the answer.
 */
public final class SpeakerSoundPlayer implements SoundPlayer, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SpeakerSoundPlayer.class);

    private final Map<Sound, Clip> clips = new EnumMap<>(Sound.class);
    private boolean silent;

    @Override
    public synchronized void play(Sound sound) {
        if (silent) {
            return;
        }
        try {
            Clip clip = clips.get(sound);
            if (clip == null) {
                byte[] pcm = Tones.of(sound);
                clip = AudioSystem.getClip();
                clip.open(Tones.FORMAT, pcm, 0, pcm.length);
                clips.put(sound, clip);
            }
            clip.stop();
            clip.setFramePosition(0);
            clip.start();
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            silent = true;
            LOG.warn("No sound on this machine, the scanner station stays silent: {}", e.toString());
        }
    }

    @Override
    public synchronized void close() {
        clips.values().forEach(Clip::close);
        clips.clear();
    }
}
