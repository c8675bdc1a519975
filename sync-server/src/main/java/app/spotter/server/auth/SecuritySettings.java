package app.spotter.server.auth;

import app.spotter.model.api.AuthApi;
import app.spotter.server.audit.AuditLog;
import app.spotter.server.db.Transactions;
import app.spotter.server.http.ApiException;
import java.time.Clock;
import org.hibernate.Session;

/** The gym's security settings, kept as rows of {@code gym_setting}; every change is audited. */
public final class SecuritySettings {

    static final String TOTP_REQUIRED_FOR_ADMINS = "totp.required.admins";

    private final Transactions tx;
    private final AuditLog audit;
    private final Clock clock;

    public SecuritySettings(Transactions tx, AuditLog audit, Clock clock) {
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether admins must log in with a second factor (read on every admin request: a primary-key lookup). */
    static boolean totpRequiredForAdmins(Session session) {
        GymSettingRecord row = session.find(GymSettingRecord.class, TOTP_REQUIRED_FOR_ADMINS);
        return row != null && Boolean.parseBoolean(row.value);
    }

    public AuthApi.SecuritySettings current() {
        return tx.inTransaction(session -> new AuthApi.SecuritySettings(totpRequiredForAdmins(session)));
    }

    public AuthApi.SecuritySettings change(Caller admin, AuthApi.SecuritySettings wanted) {
        if (wanted == null || wanted.totpRequiredForAdmins() == null) {
            throw ApiException.validation("totpRequiredForAdmins", "totpRequiredForAdmins (true or false) is required");
        }
        return tx.inTransaction(session -> {
            if (wanted.totpRequiredForAdmins() && !session.find(UserAccount.class, admin.userId().value()).totpEnabled) {
                // Otherwise the admin who flips it would lock themselves into the enrolment screen.
                throw new ApiException(409, "TOTP_NOT_ENABLED",
                        "Turn on your own second factor (POST /api/v1/me/totp) before requiring it for every admin",
                        "totpRequiredForAdmins");
            }
            boolean before = totpRequiredForAdmins(session);
            GymSettingRecord row = session.find(GymSettingRecord.class, TOTP_REQUIRED_FOR_ADMINS);
            if (row == null) {
                row = new GymSettingRecord();
                row.name = TOTP_REQUIRED_FOR_ADMINS;
                row.value = "false";
                row.updatedAt = clock.instant();
                session.persist(row);
            }
            row.value = Boolean.toString(wanted.totpRequiredForAdmins());
            row.updatedAt = clock.instant();
            row.updatedBy = admin.userId().value();
            audit.record(session, admin, "SECURITY_SETTINGS_CHANGED", "GymSetting", TOTP_REQUIRED_FOR_ADMINS,
                    new AuthApi.SecuritySettings(before), wanted);
            return new AuthApi.SecuritySettings(wanted.totpRequiredForAdmins());
        });
    }
}
