package app.spotter.client.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One operation of the desk's outbox; PENDING until the server's outcome is recorded (DONE). */
@Entity
@Table(name = "outbox")
public class OutboxEntry {

    public static final String PENDING = "PENDING";
    public static final String DONE = "DONE";

    @Id
    @Column(name = "op_id")
    public UUID opId;

    public long sequence;

    public String type;

    public String payload;

    @Column(name = "read_versions")
    public String readVersions;

    @Column(name = "local_effect")
    public String localEffect;

    @Column(name = "hlc_wall")
    public long hlcWall;

    @Column(name = "hlc_counter")
    public int hlcCounter;

    @Column(name = "hlc_node")
    public String hlcNode;

    public UUID actor;

    /** The actor's proof (decision 0013), signed when the operation was recorded; null without an actor. */
    @Column(name = "proof_credential_id")
    public UUID proofCredentialId;

    @Column(name = "proof_signature")
    public String proofSignature;

    public String status;

    @Column(name = "outcome_status")
    public String outcomeStatus;

    public String reason;

    @Column(name = "conflict_id")
    public UUID conflictId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "decided_at")
    public Instant decidedAt;
}
