package app.spotter.server.checkins;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A key pair shared by every server process on the database; the private half is encrypted at rest. */
@Entity
@Table(name = "server_key")
public class ServerKeyRecord {
    @Id
    public String id;
    @Column(name = "public_key", nullable = false)
    public String publicKey;
    @Column(name = "private_enc", nullable = false)
    public String privateEncrypted;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
