package app.spotter.server.sync.appliers;

import app.spotter.model.access.Permission;
import app.spotter.model.api.MembersApi.NewMember;
import app.spotter.model.sync.OperationPayload.RegisterMember;
import app.spotter.model.sync.OperationType;
import app.spotter.server.http.ApiException;
import app.spotter.server.members.MemberRepository;
import app.spotter.server.members.MemberService;
import app.spotter.server.sync.Applied;
import app.spotter.server.sync.Applying;
import app.spotter.server.sync.OperationApplier;
import java.time.ZoneOffset;
import org.hibernate.Session;

/** REGISTER_MEMBER: the member under the desk's id (registering the same id again changes nothing). */
public final class RegisterMemberApplier implements OperationApplier {

    private final MemberService memberService;
    private final MemberRepository members;

    public RegisterMemberApplier(MemberService memberService, MemberRepository members) {
        this.memberService = memberService;
        this.members = members;
    }

    @Override
    public OperationType type() {
        return OperationType.REGISTER_MEMBER;
    }

    @Override
    public Permission permission() {
        return Permission.MEMBERS_WRITE;
    }

    @Override
    public Applied apply(Session session, Applying op) {
        RegisterMember p = (RegisterMember) op.payload();
        if (p.memberId() == null) {
            throw ApiException.validation("memberId", "memberId is required");
        }
        if (members.find(session, p.memberId().value()) != null) {
            return Applied.applied("ALREADY_REGISTERED");
        }
        memberService.register(op.actor(), p.memberId(), op.node(), new NewMember(p.firstName(), p.lastName(), p.email(),
                p.phone(), p.dateOfBirth(), p.homeLocationId(), null), ZoneOffset.UTC);
        return Applied.applied();
    }
}
