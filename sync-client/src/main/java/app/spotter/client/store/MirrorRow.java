package app.spotter.client.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * One confirmed row of the server, as the change feed delivered it: the JSON as pulled plus a few
 * columns pulled out of it for fast lookups. Never changed optimistically; pending operations are
 * laid over it on read.
 */
@Entity
@Table(name = "mirror_row")
@IdClass(MirrorRow.Key.class)
public class MirrorRow {

    @Id
    @Column(name = "entity_type")
    public String entityType;

    @Id
    @Column(name = "entity_id")
    public String entityId;

    public String data;

    public long position;

    @Column(name = "member_id")
    public String memberId;

    @Column(name = "slot_id")
    public String slotId;

    @Column(name = "membership_id")
    public String membershipId;

    @Column(name = "member_number")
    public String memberNumber;

    @Column(name = "last_name")
    public String lastName;

    /** A member's names, number, phone and e-mail, lower-cased, for "Find a member". */
    @Column(name = "search_text")
    public String searchText;

    @Column(name = "first_name")
    public String firstName;

    /** The phone's digits back to front, without leading zeros: "ends with" becomes an indexed prefix. */
    @Column(name = "phone_reversed")
    public String phoneReversed;

    @Column(name = "email")
    public String email;

    /** The composite key (entity type, entity id). */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        public String entityType;
        public String entityId;

        public Key() {
        }

        public Key(String entityType, String entityId) {
            this.entityType = entityType;
            this.entityId = entityId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.entityType.equals(entityType) && k.entityId.equals(entityId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(entityType, entityId);
        }
    }
}
