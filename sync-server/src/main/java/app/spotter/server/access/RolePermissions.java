package app.spotter.server.access;

import app.spotter.model.access.Permission;
import app.spotter.model.access.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hibernate.Session;

/** Repository of the role -> permission grants, which an admin may change at run time. */
public final class RolePermissions {

    public Set<Permission> of(Session session, Role role) {
        List<Permission> granted = session.createSelectionQuery(
                        "select p.permission from RolePermissionEntry p where p.role = :role", Permission.class)
                .setParameter("role", role)
                .getResultList();
        return granted.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(granted);
    }

    public void replace(Session session, Role role, Set<Permission> permissions) {
        session.createMutationQuery("delete from RolePermissionEntry p where p.role = :role")
                .setParameter("role", role)
                .executeUpdate();
        permissions.forEach(p -> session.persist(new RolePermissionEntry(role, p)));
    }

    /** A new database starts with the default grants of every role. */
    public void seedDefaultsIfEmpty(Session session) {
        long count = session.createSelectionQuery("select count(p) from RolePermissionEntry p", Long.class)
                .getSingleResult();
        if (count == 0) {
            for (Role role : Role.values()) {
                Permission.defaultsFor(role).forEach(p -> session.persist(new RolePermissionEntry(role, p)));
            }
        }
    }
}
