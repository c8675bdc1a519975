package app.spotter.server.members;

import app.spotter.model.common.MemberId;
import app.spotter.model.members.MemberProfileRules;
import app.spotter.server.http.ApiException;
import java.time.Clock;
import java.util.UUID;
import org.hibernate.Session;

/** Creates the member record behind a self-registered login (first and last name split from the full name). */
public final class MemberFactory implements MemberSignup {

    private final MemberRepository members;
    private final Clock clock;

    public MemberFactory(MemberRepository members, Clock clock) {
        this.members = members;
        this.clock = clock;
    }

    @Override
    public MemberId createForSignup(Session session, String fullName, String email) {
        if (fullName == null || fullName.isBlank() || fullName.length() > 200) {
            throw ApiException.validation("name", "Name is required (at most 200 characters)");
        }
        String name = fullName.strip();
        int space = name.lastIndexOf(' ');
        MemberRecord m = new MemberRecord();
        m.id = UUID.randomUUID();
        m.memberNumber = members.nextMemberNumber(session);
        m.firstName = space > 0 ? name.substring(0, space).strip() : name;
        m.lastName = space > 0 ? name.substring(space + 1).strip() : "";
        if (m.firstName.length() > MemberProfileRules.MAX_NAME || m.lastName.length() > MemberProfileRules.MAX_NAME) {
            // the account's name becomes the member's first and last name, each at most a member name long
            throw ApiException.validation("name", "First and last name at most " + MemberProfileRules.MAX_NAME
                    + " characters each");
        }
        m.email = email == null ? null : email.strip().toLowerCase(java.util.Locale.ROOT);
        m.createdAt = clock.instant();
        m.updatedAt = m.createdAt;
        members.insert(session, m);
        return new MemberId(m.id);
    }
}
