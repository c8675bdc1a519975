package app.spotter.server.checkins;

import app.spotter.model.access.Permission;
import app.spotter.model.api.CheckInApi.CardRevocation;
import app.spotter.model.api.CheckInApi.MemberCardView;
import app.spotter.model.api.CheckInApi.PublicKeyView;
import app.spotter.model.checkin.MemberQrCodes;
import app.spotter.model.common.MemberId;
import app.spotter.server.audit.AuditLog;
import app.spotter.server.auth.Caller;
import app.spotter.server.db.Transactions;
import app.spotter.server.http.ApiException;
import app.spotter.server.members.MemberRecord;
import app.spotter.server.members.MemberRepository;
import java.time.Clock;
import java.util.List;

/** Signed member cards: issuing, revoking by reissue, and what desks need to verify them offline. */
public final class MemberCardService {

    private final Transactions tx;
    private final MemberRepository members;
    private final CheckInRepository checkIns;
    private final MemberCardSigner signer;
    private final AuditLog audit;
    private final Clock clock;

    public MemberCardService(Transactions tx, MemberRepository members, CheckInRepository checkIns,
                             MemberCardSigner signer, AuditLog audit, Clock clock) {
        this.tx = tx;
        this.members = members;
        this.checkIns = checkIns;
        this.signer = signer;
        this.audit = audit;
        this.clock = clock;
    }

    public PublicKeyView publicKey() {
        return new PublicKeyView(MemberCardSigner.KEY_ID, MemberCardSigner.ALGORITHM,
                MemberQrCodes.encodePublicKey(signer.publicKey()));
    }

    /** The member's current card; staff with MEMBERS_WRITE or the member themselves. */
    public MemberCardView card(Caller caller, MemberId member) {
        if (!caller.can(Permission.MEMBERS_WRITE) && !caller.is(member)) {
            throw ApiException.forbidden();
        }
        MemberRecord m = tx.inTransaction(s -> members.find(s, member.value()));
        if (m == null) {
            throw ApiException.notFound("Member");
        }
        return cardOf(m);
    }

    /** Reissues the member's card: every older card is refused as QR_REVOKED from now on. */
    public MemberCardView revoke(Caller caller, MemberId member) {
        MemberRecord m = tx.inTransaction(s -> {
            MemberRecord locked = members.lock(s, member.value());
            if (locked == null) {
                throw ApiException.notFound("Member");
            }
            CardVersion before = new CardVersion(locked.cardVersion);
            locked.cardVersion++;
            audit.record(s, caller, "MEMBER_CARD_REVOKED", "Member", locked.id, before, new CardVersion(locked.cardVersion));
            return locked;
        });
        return cardOf(m);
    }

    /** The desk's revocation list: members whose cards below a version are no longer valid. */
    public List<CardRevocation> revocations() {
        return tx.inTransaction(s -> checkIns.withReissuedCards(s).stream()
                .map(m -> new CardRevocation(m.id.toString(), m.cardVersion))
                .toList());
    }

    private MemberCardView cardOf(MemberRecord m) {
        String payload = MemberQrCodes.sign(new MemberId(m.id), m.cardVersion, clock.instant(), signer.privateKey());
        return new MemberCardView(m.id.toString(), m.memberNumber, m.cardVersion, payload);
    }

    record CardVersion(int cardVersion) {
    }
}
