package app.spotter.server.members;

import app.spotter.model.common.MemberId;
import org.hibernate.Session;

/** Creates the member record behind a self-registered member login. */
public interface MemberSignup {

    /** The member record only: accounts made by the gym itself (first admin, demo staff, fixtures). */
    MemberId createForSignup(Session session, String fullName, String email);

    /**
     * The member record of a stranger's public registration: on no membership, or on the gym's free
     * trial when it has one. Never a door PIN.
     */
    default MemberId createForPublicSignup(Session session, String fullName, String email) {
        return createForSignup(session, fullName, email);
    }
}
