package app.spotter.client.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The desk's single row of its own state: who it is, where its cursor is, its next sequence. */
@Entity
@Table(name = "device_state")
public class DeviceState {

    public static final int ID = 1;

    @Id
    public int id;

    @Column(name = "device_id")
    public String deviceId;

    @Column(name = "device_secret")
    public String deviceSecret;

    @Column(name = "location_id")
    public String locationId;

    @Column(name = "zone_id")
    public String zoneId;

    @Column(name = "member_card_public_key")
    public String memberCardPublicKey;

    @Column(name = "pull_cursor")
    public long pullCursor;

    @Column(name = "last_pushed_sequence")
    public long lastPushedSequence;

    @Column(name = "last_acked_sequence")
    public long lastAckedSequence;

    @Column(name = "settled_sequence")
    public long settledSequence;

    @Column(name = "next_sequence")
    public long nextSequence;

    @Column(name = "last_hlc_wall")
    public long lastHlcWall;

    @Column(name = "last_hlc_counter")
    public int lastHlcCounter;

    @Column(name = "last_sync_at")
    public Instant lastSyncAt;

    /** Start of the schedule window the mirror holds (slots starting before it are dropped), null before the first. */
    @Column(name = "window_from")
    public Instant windowFrom;

    /** End of the schedule window the mirror holds, sent with every pull; null before the first. */
    @Column(name = "held_until")
    public Instant heldUntil;

    public boolean isEnrolled() {
        return deviceId != null;
    }
}
