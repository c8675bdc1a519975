package app.spotter.server.auth;

import java.util.UUID;
import org.hibernate.Session;

/**
 * What else ends, in the same transaction, when a staff account is deactivated or its role changes:
 * the credentials its desks sign operations with (decision 0013). Anything that deactivates an
 * account or changes a staff role calls it.
 */
@FunctionalInterface
public interface StaffAccessEnded {

    void ended(Session session, UUID userId);
}
