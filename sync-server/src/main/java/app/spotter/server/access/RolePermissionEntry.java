package app.spotter.server.access;

import app.spotter.model.access.Permission;
import app.spotter.model.access.Role;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One granted permission of a role. */
@Entity
@Table(name = "role_permission")
@IdClass(RolePermissionEntry.Key.class)
public class RolePermissionEntry {
    @Id
    @Enumerated(EnumType.STRING)
    public Role role;
    @Id
    @Enumerated(EnumType.STRING)
    public Permission permission;

    public RolePermissionEntry() {
    }

    public RolePermissionEntry(Role role, Permission permission) {
        this.role = role;
        this.permission = permission;
    }

    /** Composite key. */
    public static class Key implements Serializable {
        public Role role;
        public Permission permission;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.role == role && k.permission == permission;
        }

        @Override
        public int hashCode() {
            return Objects.hash(role, permission);
        }
    }
}
