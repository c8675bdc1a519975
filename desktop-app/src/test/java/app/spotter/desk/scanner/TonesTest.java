package app.spotter.desk.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The station's tones, checked in the PCM they are made of (not on a speaker). */
class TonesTest {

    private static short[] samples(byte[] pcm) {
        short[] s = new short[pcm.length / 2];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) ((pcm[2 * i] & 0xff) | (pcm[2 * i + 1] << 8));
        }
        return s;
    }

    /** Runs of sound separated by silence longer than 10 ms: {start, end} in samples. */
    private static List<int[]> bursts(short[] s) {
        List<int[]> bursts = new ArrayList<>();
        int quiet = Tones.samples(10);
        int start = -1;
        int lastLoud = -quiet;
        for (int i = 0; i < s.length; i++) {
            if (Math.abs(s[i]) > 500) {
                if (start < 0 || i - lastLoud > quiet) {
                    if (start >= 0) {
                        bursts.add(new int[] {start, lastLoud});
                    }
                    start = i;
                }
                lastLoud = i;
            }
        }
        if (start >= 0) {
            bursts.add(new int[] {start, lastLoud});
        }
        return bursts;
    }

    private static double frequency(short[] s, int from, int to) {
        int crossings = 0;
        for (int i = from + 1; i <= to; i++) {
            if ((s[i - 1] < 0) != (s[i] < 0)) {
                crossings++;
            }
        }
        return crossings / 2.0 / ((to - from) / Tones.SAMPLE_RATE);
    }

    @Test
    void admittedIsOneShortHighBeep() {
        short[] s = samples(Tones.of(Sound.ADMITTED));
        List<int[]> bursts = bursts(s);

        assertEquals(1, bursts.size());
        double millis = (bursts.get(0)[1] - bursts.get(0)[0]) * 1000 / Tones.SAMPLE_RATE;
        assertTrue(millis > 100 && millis <= 120, "beep lasts " + millis + " ms");
        double hz = frequency(s, bursts.get(0)[0], bursts.get(0)[1]);
        assertEquals(1760, hz, 40, "beep pitch");
    }

    @Test
    void refusedIsALowDoubleBuzz() {
        short[] s = samples(Tones.of(Sound.REFUSED));
        List<int[]> bursts = bursts(s);

        assertEquals(2, bursts.size(), "two buzzes");
        for (int[] b : bursts) {
            assertEquals(220, frequency(s, b[0], b[1]), 15, "buzz pitch");
        }
        double gap = (bursts.get(1)[0] - bursts.get(0)[1]) * 1000 / Tones.SAMPLE_RATE;
        assertTrue(gap >= 80, "silence between the buzzes: " + gap + " ms");
    }

    @Test
    void theTonesFadeInAndOutSoTheSpeakerDoesNotClick() {
        for (Sound sound : Sound.values()) {
            short[] s = samples(Tones.of(sound));
            assertEquals(0, s[0], sound + " starts at zero");
            assertTrue(Math.abs(s[s.length - 1]) < 100, sound + " ends near zero");
            int peak = 0;
            for (short v : s) {
                peak = Math.max(peak, Math.abs(v));
            }
            assertTrue(peak < Short.MAX_VALUE && peak > Short.MAX_VALUE / 3, sound + " peak " + peak + " (no clipping)");
        }
    }

    @Test
    void aMachineWithoutASoundCardStaysSilentWithoutFailing() {
        try (SpeakerSoundPlayer speaker = new SpeakerSoundPlayer()) {
            speaker.play(Sound.ADMITTED);
            speaker.play(Sound.REFUSED);
        }
    }
}
