package app.spotter.server.members;

import app.spotter.model.common.MemberId;
import org.hibernate.Session;

/** Creates the member record behind a self-registered member login. */
public interface MemberSignup {
    MemberId createForSignup(Session session, String fullName, String email);
}
