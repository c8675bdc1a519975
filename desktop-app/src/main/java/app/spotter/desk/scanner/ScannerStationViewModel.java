package app.spotter.desk.scanner;

import app.spotter.desk.checkin.CheckInViewModel;
import app.spotter.desk.checkin.DoorAnswer;
import app.spotter.desk.kiosk.KioskViewModel;
import javafx.beans.InvalidationListener;

/**
 * The scanner station: a QR scanner at the door, nobody at the keyboard. Scan, a big answer, a
 * sound (a beep to come in, a double buzz when refused). Deciding is the desk's check-in, and
 * leaving the station takes the manager PIN exactly as leaving the kiosk does.
 */
public final class ScannerStationViewModel {

    private final KioskViewModel lock;
    private final SoundPlayer sound;
    // Invalidation, not change: the same refusal twice in a row (one member trying again) sounds twice.
    private final InvalidationListener announce = obs -> {
        DoorAnswer answer = door().answerProperty().get();
        if (answer != null) {
            sound().play(answer.admitted() ? Sound.ADMITTED : Sound.REFUSED);
        }
    };

    /** @param lock the door and the manager-PIN exit (a {@link KioskViewModel} over this station's door) */
    public ScannerStationViewModel(KioskViewModel lock, SoundPlayer sound) {
        this.lock = lock;
        this.sound = sound;
        lock.door().answerProperty().addListener(announce);
    }

    private SoundPlayer sound() {
        return sound;
    }

    public CheckInViewModel door() {
        return lock.door();
    }

    /** The manager-PIN exit (ask, confirm, cancel) shared with the kiosk. */
    public KioskViewModel lock() {
        return lock;
    }
}
