package app.spotter.server.sync.feed;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The single row of the feed's counter: the last position handed out and the oldest position the
 * feed still keeps. Writers lock it as the last step before their commit (decision 0004).
 */
@Entity
@Table(name = "feed_counter")
public class FeedCounterRecord {
    static final int ID = 1;

    @Id
    public int id;
    @Column(nullable = false)
    public long position;
    @Column(name = "oldest_retained", nullable = false)
    public long oldestRetained;
}
