package app.spotter.server;

import app.spotter.server.access.RolePermissionEntry;
import app.spotter.server.access.RolePermissions;
import app.spotter.server.audit.AuditEntry;
import app.spotter.server.audit.AuditLog;
import app.spotter.server.auth.AccessTokens;
import app.spotter.server.auth.AccountService;
import app.spotter.server.auth.AuthHandler;
import app.spotter.server.auth.AuthService;
import app.spotter.server.auth.Authenticator;
import app.spotter.server.auth.PasswordHasher;
import app.spotter.server.auth.RefreshToken;
import app.spotter.server.auth.UserAccount;
import app.spotter.server.config.ServerConfig;
import app.spotter.server.config.ServerSecrets;
import app.spotter.server.db.Database;
import app.spotter.server.db.Transactions;
import app.spotter.server.http.Access;
import app.spotter.server.http.ErrorHandling;
import app.spotter.server.http.OpenApiDocument;
import app.spotter.server.http.Json;
import app.spotter.server.http.Routes;
import app.spotter.server.studio.StudioHandler;
import app.spotter.server.studio.StudioRepository;
import app.spotter.server.studio.StudioService;
import app.spotter.server.members.MemberFactory;
import app.spotter.server.members.MemberRecord;
import app.spotter.server.members.MemberRepository;
import app.spotter.model.booking.BookingPolicy;
import app.spotter.server.bookings.BookingHandler;
import app.spotter.server.bookings.BookingRecord;
import app.spotter.server.audit.AuditHandler;
import app.spotter.server.audit.AuditService;
import app.spotter.server.checkins.CheckInHandler;
import app.spotter.server.bookings.BookingRepository;
import app.spotter.server.bookings.BookingService;
import app.spotter.server.bookings.Seats;
import app.spotter.server.bookings.SlotCancellation;
import app.spotter.server.bookings.WaitlistPromotion;
import app.spotter.server.checkins.CheckInRecord;
import app.spotter.server.checkins.CheckInRepository;
import app.spotter.server.checkins.CheckInService;
import app.spotter.server.checkins.MemberCardService;
import app.spotter.server.checkins.MemberCardSigner;
import app.spotter.server.feedback.FeedbackHandler;
import app.spotter.server.feedback.FeedbackRepository;
import app.spotter.server.feedback.FeedbackService;
import app.spotter.server.checkins.ServerKeyRecord;
import app.spotter.server.feedback.FeedbackRecord;
import app.spotter.server.locations.EquipmentRecord;
import app.spotter.server.locations.LocationRecord;
import app.spotter.server.locations.RoomRecord;
import app.spotter.server.locations.LocationHandler;
import app.spotter.server.locations.LocationRepository;
import app.spotter.server.locations.LocationService;
import app.spotter.server.members.HealthNotesCipher;
import app.spotter.server.members.MemberHandler;
import app.spotter.server.members.MemberService;
import app.spotter.server.memberships.MembershipHandler;
import app.spotter.server.memberships.MembershipRepository;
import app.spotter.server.memberships.MembershipService;
import app.spotter.server.plans.PlanHandler;
import app.spotter.server.plans.PlanRepository;
import app.spotter.server.plans.PlanService;
import app.spotter.server.memberships.CreditEntryRecord;
import app.spotter.server.memberships.MembershipChangeRecord;
import app.spotter.server.memberships.MembershipFreezeRecord;
import app.spotter.server.memberships.MembershipRecord;
import app.spotter.server.memberships.MembershipRepository;
import app.spotter.server.plans.PlanRecord;
import app.spotter.server.memberships.MembershipRepository;
import app.spotter.server.schedule.ScheduleHandler;
import app.spotter.server.schedule.ScheduleRepository;
import app.spotter.server.schedule.ScheduleService;
import app.spotter.server.schedule.SessionRecord;
import app.spotter.server.schedule.TimeSlotRecord;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.util.List;

/**
 * The composition root: builds the whole server object graph by hand from its configuration.
 * Tests build it the same way, with a test database.
 */
public final class SpotterApp implements AutoCloseable {

    /** Every Hibernate entity of the server. */
    static final List<Class<?>> ENTITIES = List.of(
            UserAccount.class, RefreshToken.class, RolePermissionEntry.class, AuditEntry.class,
            MemberRecord.class, PlanRecord.class, MembershipRecord.class, MembershipFreezeRecord.class,
            MembershipChangeRecord.class, CreditEntryRecord.class, LocationRecord.class, RoomRecord.class,
            EquipmentRecord.class, SessionRecord.class, TimeSlotRecord.class, BookingRecord.class,
            CheckInRecord.class, FeedbackRecord.class, ServerKeyRecord.class,
            app.spotter.server.devices.DeviceRecord.class, app.spotter.server.devices.PairingCodeRecord.class,
            app.spotter.server.devices.StaffCredentialRecord.class,
            app.spotter.server.sync.OperationRecord.class, app.spotter.server.conflicts.ConflictRecord.class,
            app.spotter.server.sync.leases.SeatLeaseRecord.class,
            app.spotter.server.sync.feed.FeedCounterRecord.class, app.spotter.server.sync.feed.ChangeLogRecord.class,
            app.spotter.server.checkins.PinAttemptRecord.class,
            app.spotter.server.auth.PasswordResetRecord.class, app.spotter.server.auth.GymSettingRecord.class,
            app.spotter.server.auth.LoginThrottleRecord.class);

    private final ServerConfig config;
    private final Database database;
    private final Javalin javalin;
    private final Routes routes;
    private final Services services;
    /** Closed before the web server stops (pollers, streams), in order. */
    private final List<AutoCloseable> resources;
    /** Drops connections that send their headers too slowly; runs while the web server does. */
    private app.spotter.server.http.HeaderDeadline headerDeadline;

    /** The services, for demo data, benchmarks and tests that need to arrange state directly. */
    public record Services(Transactions tx, AuthService auth, AccountService accounts, PasswordHasher hasher,
                           MemberRepository members, AuditLog audit, Clock clock, ObjectMapper json,
                           LocationService locationService, MemberService memberService, PlanService planService,
                           MembershipService membershipService, MembershipRepository membershipRepository,
                           MemberCardSigner cardSigner, CheckInService checkIns,
                           ScheduleService schedule, BookingService bookings,
                           app.spotter.server.sync.feed.ChangeFeedService feed) {
    }

    private SpotterApp(ServerConfig config, Database database, Javalin javalin, Routes routes, Services services,
                       List<AutoCloseable> resources) {
        this.config = config;
        this.database = database;
        this.javalin = javalin;
        this.routes = routes;
        this.services = services;
        this.resources = resources;
    }

    public static SpotterApp create(ServerConfig config, ServerSecrets secrets, Clock clock) {
        return create(config, secrets, clock, new PasswordHasher());
    }

    /**
     * With the given password hasher. Only the sync simulation passes a cheaper one (thousands of
     * server starts, each hashing AuthService's dummy password); it is a parameter, not a setting,
     * so no deployment can weaken its password hashing by configuration.
     */
    public static SpotterApp create(ServerConfig config, ServerSecrets secrets, Clock clock, PasswordHasher hasher) {
        Database database = Database.open(config, ENTITIES);
        try {
            return wire(config, secrets, clock, database, hasher);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static SpotterApp wire(ServerConfig config, ServerSecrets secrets, Clock clock, Database database,
                                   PasswordHasher hasher) {
        ObjectMapper json = Json.camelCase();
        Transactions tx = new Transactions(database.sessionFactory());
        AuditLog audit = new AuditLog(json, clock);
        RolePermissions rolePermissions = new RolePermissions();
        tx.run(rolePermissions::seedDefaultsIfEmpty);

        AccessTokens accessTokens = new AccessTokens(secrets.jwtSecret(), clock);
        // One key ring for everything sealed at rest: writes with the current key, reads retired ones too.
        app.spotter.server.config.AtRestCipher atRest = secrets.atRestCipher();
        var staffTotp = new app.spotter.server.auth.StaffTotp(tx, hasher, atRest, audit, clock);
        AuthService auth = new AuthService(tx, hasher, accessTokens, audit, clock, staffTotp);
        MemberRepository members = new MemberRepository();
        MemberFactory memberFactory = new MemberFactory(members, clock);
        // public registration: a member on no membership, or on the gym's free trial (decision 0014)
        MembershipRepository membershipRepository = new MembershipRepository();
        MembershipService membershipService = new MembershipService(tx, membershipRepository, audit, clock);
        var memberSignup = new app.spotter.server.memberships.FreeTrialSignup(memberFactory, new PlanRepository(),
                membershipService);
        AccountService accounts = new AccountService(auth, tx, rolePermissions, memberSignup, audit);
        // how a desk proves who is acting (decision 0013)
        var staffCredentials = new app.spotter.server.devices.StaffCredentials(tx, accessTokens, rolePermissions, audit,
                clock, secrets.jwtSecret());

        Javalin javalin = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.jsonMapper(new JavalinJackson(json, false));
            cfg.http.maxRequestSize = app.spotter.server.http.Endpoint.HARD_MAX_BODY;
            cfg.http.defaultContentType = "application/json";
            cfg.useVirtualThreads = true;
            // security headers on every answer; one body limit that holds for chunked bodies too
            cfg.jetty.modifyServletContextHandler(handler -> handler.addFilter(
                    new org.eclipse.jetty.servlet.FilterHolder(new app.spotter.server.http.RequestGuard()), "/*",
                    java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST)));
            cfg.jetty.modifyServer(server -> server.setErrorHandler(ErrorHandling.jettyErrors()));
        });
        ErrorHandling.install(javalin);
        Routes routes = new Routes(javalin, new Authenticator(accessTokens, tx, rolePermissions, clock));
        var loginThrottle = new app.spotter.server.auth.LoginThrottle(tx, audit, clock);
        new AuthHandler(auth, accounts, json, loginThrottle).register(routes);
        new app.spotter.server.auth.AccountLockHandler(loginThrottle).register(routes);
        new app.spotter.server.auth.StaffAccessHandler(accounts, new app.spotter.server.auth.StaffDeactivation(tx, audit,
                staffCredentials::revokeAllOfUser)).register(routes);
        new app.spotter.server.auth.AccountSecurityHandler(
                new app.spotter.server.auth.StaffPasswords(auth, tx, hasher, audit, clock,
                        staffCredentials::revokeAllOfUser), staffTotp,
                new app.spotter.server.auth.SecuritySettings(tx, audit, clock), json).register(routes);
        List<AutoCloseable> resources = new java.util.ArrayList<>();

        // sync change feed: every committed change of a synced row, in commit order; pull, snapshot, poke.
        // Features with synced entities of their own add them with synced.register(...).
        var synced = app.spotter.server.sync.feed.SyncedEntities.standard();
        app.spotter.server.sync.feed.ChangeCapture.install(database.sessionFactory(), tx, synced, clock);
        var feed = new app.spotter.server.sync.feed.ChangeFeedService(tx,
                new app.spotter.server.sync.feed.ChangeFeedRepository(), synced, clock,
                java.time.Duration.ofDays(config.feedRetentionDays()),
                new app.spotter.server.sync.feed.SyncWindows(config.syncHorizonWeeks()));
        var feedPoke = new app.spotter.server.sync.feed.FeedPoke(feed::position,
                java.time.Duration.ofMillis(250), java.time.Duration.ofSeconds(15));
        resources.add(feedPoke);
        new app.spotter.server.sync.feed.SyncFeedHandler(feed, feedPoke).register(routes);

        // members: locations, members, plans and memberships
        LocationService locationService = new LocationService(tx, new LocationRepository(), audit, clock);
        HealthNotesCipher healthNotesCipher = new HealthNotesCipher(atRest);
        MemberService memberService = new MemberService(tx, members, healthNotesCipher, hasher, audit, clock);
        PlanService planService = new PlanService(tx, new PlanRepository(), audit, clock);
        new LocationHandler(locationService, json).register(routes);
        new MemberHandler(memberService, json).register(routes);
        new app.spotter.server.members.DeskHealthNotesHandler(new app.spotter.server.members.DeskHealthNotes(tx, members,
                healthNotesCipher, rolePermissions, audit), staffCredentials).register(routes);
        new PlanHandler(planService, json).register(routes);
        new MembershipHandler(membershipService, json).register(routes);

        // Check-ins, member cards, feedback and the audit log read API
        MemberCardSigner cardSigner = new MemberCardSigner(tx, atRest, clock);
        // Load or create the signing key now, in a transaction of its own, not inside a check-in's.
        cardSigner.publicKey();
        // Desks print member cards offline: each member row on the feed carries a signed code of its current card.
        synced.alsoShape("member", MemberRecord.class,
                (m, row) -> row.put("cardCode", cardSigner.cardCode(new app.spotter.model.common.MemberId(m.id), m.cardVersion,
                        m.updatedAt != null ? m.updatedAt : m.createdAt)));
        CheckInRepository checkInRecords = new CheckInRepository();
        CheckInService checkIns = new CheckInService(tx, members, membershipRepository,
                membershipService::currentSnapshots, checkInRecords, cardSigner,
                hasher, audit, clock, config.defaultZone());
        MemberCardService memberCards = new MemberCardService(tx, members, checkInRecords, cardSigner, audit, clock);
        new CheckInHandler(checkIns, memberCards, json, loginThrottle).register(routes);
        new FeedbackHandler(new FeedbackService(tx, new FeedbackRepository(), audit, clock), json, config.defaultZone())
                .register(routes);
        new AuditHandler(new AuditService(tx, audit, json), config.defaultZone()).register(routes);

        // schedule and bookings: sessions, slots, seats, waitlist
        ScheduleRepository scheduleRepository = new ScheduleRepository();
        BookingRepository bookingRepository = new BookingRepository();
        BookingPolicy bookingPolicy = BookingPolicy.standard();
        Seats seats = new Seats(bookingRepository, membershipRepository, membershipService::currentSnapshots);
        WaitlistPromotion waitlistPromotion = new WaitlistPromotion(members, bookingRepository, seats, bookingPolicy, audit);
        ScheduleService schedule = new ScheduleService(tx, scheduleRepository,
                new SlotCancellation(bookingRepository, seats, audit), waitlistPromotion, audit, clock);
        BookingService bookings = new BookingService(tx, members, scheduleRepository, bookingRepository, seats,
                waitlistPromotion, bookingPolicy, audit, clock);
        new ScheduleHandler(schedule, json).register(routes);
        new BookingHandler(bookings, json).register(routes);

        // The fitness-studio API of the Django seed, on the same services
        new StudioHandler(new StudioService(tx, new StudioRepository(), auth, memberSignup, schedule, bookings, clock,
                config.defaultZone()), Json.snakeCase(), loginThrottle).register(routes);

        // syncpush: device enrollment, push with appliers, seat leases, conflicts
        // Desks mirror their leases (escrowed seats) and the manager's conflict queue.
        synced.register("seatLease", app.spotter.server.sync.leases.SeatLeaseRecord.class, (session, lease) -> {
            TimeSlotRecord slot = session.find(TimeSlotRecord.class, lease.slotId);
            SessionRecord offering = slot == null ? null : session.find(SessionRecord.class, slot.sessionId);
            return offering == null ? null : offering.locationId;
        });
        synced.windowBySlot("seatLease", "slotId");
        synced.register("conflict", app.spotter.server.conflicts.ConflictRecord.class, null);
        var conflicts = new app.spotter.server.conflicts.ConflictService(tx, json, members, scheduleRepository,
                membershipRepository, bookings, audit, clock);
        new app.spotter.server.devices.DeviceHandler(new app.spotter.server.devices.DeviceService(tx, hasher,
                accessTokens, cardSigner, audit, clock, staffCredentials), staffCredentials, json, loginThrottle).register(routes);
        var appliers = new app.spotter.server.sync.Appliers(List.of(
                new app.spotter.server.sync.appliers.BookSeatApplier(bookings, members, scheduleRepository, conflicts, clock),
                new app.spotter.server.sync.appliers.CancelBookingApplier(bookings),
                new app.spotter.server.sync.appliers.RecordCheckInApplier(members, membershipRepository, conflicts, audit, clock,
                        cardSigner::publicKey),
                new app.spotter.server.sync.appliers.RegisterMemberApplier(memberService, members),
                new app.spotter.server.sync.appliers.EditMemberApplier(members, conflicts, audit, clock),
                new app.spotter.server.sync.appliers.FreezeMembershipApplier(membershipService),
                new app.spotter.server.sync.appliers.ResolveConflictApplier(conflicts),
                new app.spotter.server.sync.appliers.UnfreezeMembershipApplier(membershipService),
                new app.spotter.server.sync.appliers.AssignMembershipApplier(membershipService)));
        new app.spotter.server.sync.SyncHandler(new app.spotter.server.sync.PushService(tx, appliers, rolePermissions, json,
                clock, staffCredentials), new app.spotter.server.sync.leases.LeaseService(tx, scheduleRepository,
                waitlistPromotion, clock), json).register(routes);
        new app.spotter.server.conflicts.ConflictHandler(conflicts, json).register(routes);

        // Meta: health and the API description, built from the route list so it cannot drift.
        routes.get("/health", Access.open(), "Liveness and database check", ctx -> {
            tx.run(session -> session.createNativeQuery("select 1", Integer.class).getSingleResult());
            ctx.json(java.util.Map.of("status", "UP"));
        });
        String version = java.util.Objects.requireNonNullElse(SpotterApp.class.getPackage().getImplementationVersion(), "dev");
        var openApi = new java.util.concurrent.atomic.AtomicReference<String>();
        routes.get("/openapi.json", Access.open(), "This OpenAPI 3 document", ctx -> ctx.contentType("application/json")
                .result(openApi.updateAndGet(doc -> doc != null ? doc : OpenApiDocument.render(routes.endpoints(), version, json))));

        // After a key rotation (or on values from before key ids) re-encrypt in the background while serving.
        var reencryption = new app.spotter.server.keys.AtRestReencryption(tx, atRest, audit);
        resources.add(0, reencryption);
        reencryption.startInBackground();

        Services services = new Services(tx, auth, accounts, hasher, members, audit, clock, json,
                locationService, memberService, planService, membershipService, membershipRepository,
                cardSigner, checkIns, schedule, bookings, feed);
        return new SpotterApp(config, database, javalin, routes, services, List.copyOf(resources));
    }

    public SpotterApp start() {
        javalin.start("0.0.0.0", config.port());
        headerDeadline = new app.spotter.server.http.HeaderDeadline(javalin.jettyServer().server(),
                app.spotter.server.http.HeaderDeadline.DEFAULT);
        return this;
    }

    public int port() {
        return javalin.port();
    }

    public String baseUrl() {
        return "http://localhost:" + port();
    }

    /** The background re-encryption of values at rest (started with the app). */
    public app.spotter.server.keys.AtRestReencryption reencryption() {
        return resources.stream().filter(app.spotter.server.keys.AtRestReencryption.class::isInstance)
                .map(app.spotter.server.keys.AtRestReencryption.class::cast).findFirst().orElseThrow();
    }

    public Routes routes() {
        return routes;
    }

    public Services services() {
        return services;
    }

    public Database database() {
        return database;
    }

    public ServerConfig config() {
        return config;
    }

    @Override
    public void close() {
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception e) {
                // closing the rest matters more
            }
        }
        if (headerDeadline != null) {
            headerDeadline.close();
        }
        javalin.stop();
        database.close();
    }
}
