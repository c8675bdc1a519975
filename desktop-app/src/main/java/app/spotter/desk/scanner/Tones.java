package app.spotter.desk.scanner;

import javax.sound.sampled.AudioFormat;

/**
 * The station's sounds as PCM, generated rather than shipped as files: 16-bit signed little-endian
 * mono at 44.1 kHz. Each tone fades in and out over a few milliseconds so the speaker does not click.
 */
public final class Tones {

    public static final float SAMPLE_RATE = 44_100f;
    public static final AudioFormat FORMAT = new AudioFormat(SAMPLE_RATE, 16, 1, true, false);

    /** Admitted: one 1760 Hz beep of 120 ms. */
    public static final double BEEP_HZ = 1760;
    public static final int BEEP_MS = 120;
    /** Refused: two 220 Hz buzzes of 180 ms with 90 ms of silence between. */
    public static final double BUZZ_HZ = 220;
    public static final int BUZZ_MS = 180;
    public static final int BUZZ_GAP_MS = 90;

    private static final int FADE_MS = 5;
    private static final double VOLUME = 0.6;

    private Tones() {
    }

    public static byte[] of(Sound sound) {
        return switch (sound) {
            case ADMITTED -> tone(BEEP_HZ, BEEP_MS, false);
            case REFUSED -> concat(tone(BUZZ_HZ, BUZZ_MS, true), silence(BUZZ_GAP_MS), tone(BUZZ_HZ, BUZZ_MS, true));
        };
    }

    /** A sine (the beep) or a softened square wave (the buzz: harsher, so nobody mistakes it). */
    static byte[] tone(double hz, int millis, boolean buzz) {
        int samples = samples(millis);
        int fade = samples(FADE_MS);
        byte[] pcm = new byte[samples * 2];
        for (int i = 0; i < samples; i++) {
            double phase = 2 * Math.PI * hz * i / SAMPLE_RATE;
            double wave = buzz ? Math.tanh(4 * Math.sin(phase)) : Math.sin(phase);
            double envelope = Math.min(1, Math.min(i, samples - 1 - i) / (double) fade);
            short value = (short) Math.round(wave * envelope * VOLUME * Short.MAX_VALUE);
            pcm[2 * i] = (byte) value;
            pcm[2 * i + 1] = (byte) (value >> 8);
        }
        return pcm;
    }

    static byte[] silence(int millis) {
        return new byte[samples(millis) * 2];
    }

    static int samples(int millis) {
        return Math.round(SAMPLE_RATE * millis / 1000f);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
