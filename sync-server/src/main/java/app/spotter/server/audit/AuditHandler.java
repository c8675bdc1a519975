package app.spotter.server.audit;

import app.spotter.model.access.Permission;
import app.spotter.model.api.AuditApi.AuditPage;
import app.spotter.server.http.Access;
import app.spotter.server.http.Params;
import app.spotter.server.http.Routes;
import io.javalin.http.Context;
import java.time.ZoneId;

/** HTTP for reading the audit log. */
public final class AuditHandler {

    private final AuditService audit;
    private final ZoneId defaultZone;

    public AuditHandler(AuditService audit, ZoneId defaultZone) {
        this.audit = audit;
        this.defaultZone = defaultZone;
    }

    public void register(Routes routes) {
        routes.get("/api/v1/audit", Access.anyOf(Permission.AUDIT_READ),
                "Audit entries newest first (?before=<ISO time>&limit=&entityType=)", this::page)
                .returns(200, AuditPage.class);
    }

    private void page(Context ctx) {
        ctx.json(audit.page(Params.instantQuery(ctx, "before").orElse(null), Params.intQuery(ctx, "limit", 50, 1, 500),
                Params.query(ctx, "entityType").orElse(null), Params.responseZone(ctx, defaultZone)));
    }
}
