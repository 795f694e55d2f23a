package org.spares.app;

import com.codahale.metrics.Meter;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.migrations.MigrationsBundle;
import io.dropwizard.util.JarLocation;
import io.prometheus.metrics.exporter.servlet.jakarta.PrometheusMetricsServlet;
import io.prometheus.metrics.instrumentation.dropwizard.DropwizardExports;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
import org.jdbi.v3.core.Jdbi;
import org.spares.api.EndpointMetrics;
import org.spares.api.IdempotentPosts;
import org.spares.api.KnownQueryParameters;
import org.spares.api.ListCsv;
import org.spares.api.PartCsv;
import org.spares.api.PatchMerger;
import org.spares.api.auth.BearerHeaderFilter;
import org.spares.api.auth.JsonUnauthorizedHandler;
import org.spares.api.auth.RoleAuthorizer;
import org.spares.api.auth.TokenAuthenticator;
import org.spares.api.errors.AdminErrorHandler;
import org.spares.api.docs.ApiDocs;
import org.spares.api.errors.DomainExceptionMapper;
import org.spares.api.errors.JsonErrorHandler;
import org.spares.api.errors.JsonExceptionMapper;
import org.spares.api.errors.UnexpectedExceptionMapper;
import org.spares.api.errors.ValidationExceptionMapper;
import org.spares.api.errors.WebApplicationExceptionMapper;
import org.spares.api.filters.AuthenticateFirstFilter;
import org.spares.api.filters.BodyLimitFilter;
import org.spares.api.filters.LoadSheddingFilter;
import org.spares.api.filters.RequestIdFilter;
import org.spares.api.json.ExactEnumModule;
import org.spares.api.limits.RateLimitFilter;
import org.spares.api.openapi.SparesOpenApiReader;
import org.spares.api.resources.DepotResource;
import org.spares.api.resources.DocsRedirect;
import org.spares.api.resources.ForecastResource;
import org.spares.api.resources.MovementResource;
import org.spares.api.resources.OpenApiDescription;
import org.spares.api.resources.OptimizationResource;
import org.spares.api.resources.OptimizerResource;
import org.spares.api.resources.PartResource;
import org.spares.api.resources.PositionResource;
import org.spares.api.resources.RepairOrderResource;
import org.spares.api.resources.ReportResource;
import org.spares.api.resources.ReservationResource;
import org.spares.api.resources.StockResource;
import org.spares.api.resources.TransferResource;
import org.spares.api.resources.UserResource;
import org.spares.cli.AddUserCommand;
import org.spares.cli.CheckLedgerCommand;
import org.spares.cli.CommandLine;
import org.spares.cli.OptimizeCommand;
import org.spares.cli.ProjectVersion;
import org.spares.cli.SeedBulkCommand;
import org.spares.cli.SeedDemoCommand;
import org.spares.config.ClusterNodeHealth;
import org.spares.config.DatabaseSetup;
import org.spares.config.DurableCommits;
import org.spares.config.PageSettings;
import org.spares.config.PoolValidator;
import org.spares.config.SparesConfiguration;
import org.spares.config.SparesSettings;
import org.spares.db.CommentingTemplateEngine;
import org.spares.db.JdbiSetup;
import org.spares.domain.Caller;
import org.spares.jobs.IdempotencyPurgeJob;
import org.spares.jobs.InstanceHeartbeat;
import org.spares.jobs.OptimizationJob;
import org.spares.jobs.ReservationExpiryJob;
import org.spares.jobs.ScheduledJob;
import org.spares.service.BusinessMetrics;
import org.spares.service.ClusterNode;
import org.spares.service.ForecastService;
import org.spares.service.IdempotencyKeys;
import org.spares.service.Instances;
import org.spares.service.OptimizationRunner;
import org.spares.service.OptimizationService;
import org.spares.service.OptimizerService;
import org.spares.pages.DepotPages;
import org.spares.pages.Forms;
import org.spares.pages.HomeResource;
import org.spares.pages.OptimizationPagesResource;
import org.spares.pages.PagesSetup;
import org.spares.pages.RepairOrderPages;
import org.spares.pages.ReportPagesResource;
import org.spares.pages.RootRedirect;
import org.spares.pages.SignInResource;
import org.spares.pages.SignInThrottle;
import org.spares.service.PageSessions;
import org.spares.service.PositionReports;
import org.spares.service.ReportScopes;
import org.spares.service.ReportService;
import org.spares.service.Services;
import org.spares.service.Transactions;
import org.spares.service.TurnaroundReport;

/** The Spares service. {@link #run} builds the whole object graph with {@code new}, so this one method shows it. */
public class SparesApplication extends Application<SparesConfiguration> {
    public static void main(String[] args) throws Exception {
        keepEmbeddedDatabaseLocal();
        new SparesApplication().run(args);
    }

    /**
     * As Dropwizard's {@code Application.run}, with {@link CommandLine} in place of its Cli: one line on stderr for
     * a failure, and the project's version for --version. Exits only on failure, as Dropwizard does: a server's
     * threads keep the JVM alive after a successful start.
     */
    @Override
    public void run(String... arguments) throws Exception {
        Bootstrap<SparesConfiguration> bootstrap = new Bootstrap<>(this);
        addDefaultCommands(bootstrap);
        initialize(bootstrap);
        bootstrap.registerMetrics();
        int status = new CommandLine(bootstrap, "java -jar " + new JarLocation(getClass()), getName(),
                ProjectVersion.read(), System.out, System.err).run(arguments);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * H2's AUTO_SERVER (config.yml's default URL, so that add-user works while the server runs) opens a TCP port for
     * the database, on every interface unless h2.bindAddress says otherwise. Loopback keeps it to this machine; a
     * -Dh2.bindAddress given on the command line still wins. H2 reads the property once, when its first class
     * loads, so this runs before anything touches the database.
     */
    static void keepEmbeddedDatabaseLocal() {
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    @Override
    public String getName() {
        return "spares";
    }

    @Override
    public void initialize(Bootstrap<SparesConfiguration> bootstrap) {
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
        bootstrap.addBundle(new MigrationsBundle<>() {
            @Override
            public DataSourceFactory getDataSourceFactory(SparesConfiguration configuration) {
                return configuration.getDatabase();
            }

            @Override
            public String getMigrationsFileName() {
                return DatabaseSetup.CHANGELOG;
            }
        });
        bootstrap.addBundle(ApiDocs.page());
        bootstrap.addBundle(ApiDocs.swaggerUi());
        PagesSetup.initialize(bootstrap);
        bootstrap.addCommand(new AddUserCommand());
        bootstrap.addCommand(new CheckLedgerCommand());
        bootstrap.addCommand(new OptimizeCommand());
        bootstrap.addCommand(new SeedBulkCommand());
        bootstrap.addCommand(new SeedDemoCommand());
    }

    /**
     * Strict JSON in (unknown fields, "5" for 5, 1.5 for an integer, "admin" for ADMIN are errors), ISO instants
     * and plain decimals out.
     */
    public static ObjectMapper configureJson(ObjectMapper mapper) {
        // ObjectMapper.disable(MapperFeature) is deprecated in favour of the builder, but this mapper is Dropwizard's,
        // already built; its deserialization config takes the feature without the deprecated call.
        mapper.setConfig(mapper.getDeserializationConfig().without(MapperFeature.ALLOW_COERCION_OF_SCALARS));
        return mapper
                .registerModule(new ExactEnumModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    }

    /**
     * The clock every service reads; tests replace it. It ticks in microseconds, the precision the databases keep,
     * so an answer never shows a time that reads back differently.
     */
    protected Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1000));
    }

    /**
     * The time source of the rate limit: monotonic, as elapsed time must be (the wall clock can step back); tests
     * replace it with one they move.
     */
    protected LongSupplier nanoTime() {
        return System::nanoTime;
    }

    @Override
    public void run(SparesConfiguration configuration, Environment environment) {
        SparesSettings settings = configuration.getSpares();
        DataSourceFactory database = configuration.getDatabase();
        if (settings.isMigrateOnStart()) {
            migrate(database, environment);
        }
        Jdbi jdbi = JdbiSetup.cacheDaoMetadata(JdbiSetup.configure(new JdbiFactory().build(environment, database,
                PoolValidator.build(database, environment.metrics(), "database"), "database")));
        if (DatabaseSetup.isMySql(database.getUrl())) {
            DurableCommits.checkMySql(jdbi, !settings.isRequireDurableCommits());
        }
        if (database.isAutoCommentsEnabled()) {
            jdbi.setTemplateEngine(new CommentingTemplateEngine());
        }
        Clock clock = clock();
        // Strict JSON for the API only: configured after config.yml was read, whose overrides arrive as text.
        ObjectMapper mapper = configureJson(environment.getObjectMapper());

        Transactions transactions = new Transactions(jdbi, settings.getTransactionRetries(), clock,
                settings.getMaxStoredAnswerSize().toBytes());
        environment.metrics().register("spares.transactions.retried", transactions.retried());
        environment.metrics().register("spares.transactions.retries-exhausted", transactions.exhausted());
        IdempotentPosts posts = new IdempotentPosts(mapper);
        BusinessMetrics metrics = new BusinessMetrics(environment.metrics());
        Services services = Services.build(transactions, clock, settings.getDefaultHoldingRate(),
                Duration.ofMillis(configuration.getReservations().getHoldTime().toMilliseconds()), metrics);
        int bucketDays = configuration.getForecast().bucketDays();
        ForecastService forecasts = new ForecastService(transactions, clock, bucketDays);
        registerCatalogue(environment, services, posts);
        registerStock(environment, services, forecasts, posts);
        registerRepairs(environment, services, posts);
        ScheduledJob expiry = ScheduledJob.every(environment.lifecycle(), "reservation-expiry",
                configuration.getReservations().getExpiryInterval(), new ReservationExpiryJob(services.reservations()));
        OptimizerService optimizer = new OptimizerService(transactions,
                settings.getOptimizerTimeLimit().toMilliseconds(), settings.getOptimizerConcurrentSolves());
        environment.jersey().register(new OptimizerResource(optimizer, posts));
        environment.jersey().register(new ForecastResource(forecasts, posts));
        ReportService reports = new ReportService(transactions);
        PositionReports positionReports = new PositionReports(transactions);
        TurnaroundReport turnaround = new TurnaroundReport(transactions);
        ReportScopes reportScopes = new ReportScopes(transactions);
        ReportResource reportApi = new ReportResource(reports, positionReports, turnaround, reportScopes, mapper, clock);
        environment.jersey().register(reportApi);
        // This instance's id: its heartbeat row, and the owner stamped on the optimization runs it queues.
        String instance = UUID.randomUUID().toString();
        Instances instances = new Instances(transactions);
        OptimizationRunner runner = new OptimizationRunner(transactions, services.clock(),
                settings.getOptimizerTimeLimit().toMilliseconds(), bucketDays, metrics);
        OptimizationJob optimizations = OptimizationJob.managed(environment.lifecycle(), runner, instances, instance);
        OptimizationService runs = new OptimizationService(transactions, services.positions(), runner,
                optimizations::submit, services.clock(), instance);
        environment.jersey().register(new OptimizationResource(runs, posts));
        ScheduledJob orphanedRuns = ScheduledJob.every(environment.lifecycle(), "orphaned-runs",
                io.dropwizard.util.Duration.seconds(5), optimizations::failOrphans);
        registerOpenApi(environment);
        ScheduledJob sessionPurge = registerPages(environment, configuration.getPages(), services, transactions,
                runs, optimizer, new ReportPagesResource(reports, positionReports, turnaround, reportScopes, reportApi,
                        clock));

        TokenAuthenticator authenticator = new TokenAuthenticator(services.users());
        registerAuth(environment, authenticator);
        registerRateLimit(environment, settings, nanoTime());
        registerErrors(environment);
        registerFilters(environment, settings, mapper, authenticator);
        ScheduledJob purge = ScheduledJob.every(environment.lifecycle(), "idempotency-purge",
                settings.getIdempotencyPurgeInterval(), new IdempotencyPurgeJob(new IdempotencyKeys(transactions), clock,
                        settings.getIdempotencyRetention()));
        registerOperations(environment, List.of(expiry, purge, sessionPurge, orphanedRuns), optimizations);
        if (DatabaseSetup.isMySql(database.getUrl())) {
            environment.healthChecks().register("database-cluster", new ClusterNodeHealth(new ClusterNode(transactions)));
        }
        // On the real clock, not the service's: commands on other machines compare it with theirs.
        environment.lifecycle().manage(new InstanceHeartbeat(instances, instance, Clock.systemUTC(),
                environment.lifecycle().scheduledExecutorService("instance-heartbeat-%d", true).build()));
    }

    private static void registerCatalogue(Environment environment, Services services, IdempotentPosts posts) {
        PatchMerger patches = new PatchMerger(environment.getObjectMapper(), environment.getValidator());
        environment.jersey().register(new UserResource(services.users(), posts));
        environment.jersey().register(new DepotResource(services.depots(), posts, patches));
        environment.jersey().register(new PartResource(services.parts(), new PartCsv(environment.getValidator()),
                posts, patches));
    }

    private static void registerStock(Environment environment, Services services, ForecastService forecasts,
            IdempotentPosts posts) {
        ListCsv csv = new ListCsv(environment.getObjectMapper(), services.clock());
        environment.jersey().register(new StockResource(services.positions(), csv));
        environment.jersey().register(new PositionResource(services.positions(), forecasts));
        environment.jersey().register(new MovementResource(services.movements(), posts, csv));
        environment.jersey().register(new TransferResource(services.transfers(), posts, csv));
    }

    private static void registerRepairs(Environment environment, Services services, IdempotentPosts posts) {
        ListCsv csv = new ListCsv(environment.getObjectMapper(), services.clock());
        environment.jersey().register(new RepairOrderResource(services.repairOrders(), services.reservations(),
                posts, services.clock(), csv));
        environment.jersey().register(new ReservationResource(services.reservations(), posts, csv));
    }

    /**
     * The operator's view (docs/OPERATIONS.md): a timer per endpoint and the user id for the access log, each
     * background job's health beside the database's, the whole MetricRegistry in Prometheus's text format on the
     * admin port, and a plain "not found" there instead of an HTML page.
     */
    private static void registerOperations(Environment environment, List<ScheduledJob> jobs,
            OptimizationJob optimizations) {
        environment.jersey().register(new EndpointMetrics(environment.metrics()));
        jobs.forEach(job -> environment.healthChecks().register("job-" + job.name(), job.health()));
        environment.healthChecks().register("job-optimization-worker", optimizations.health());
        PrometheusRegistry prometheus = new PrometheusRegistry();
        DropwizardExports.builder().dropwizardRegistry(environment.metrics()).register(prometheus);
        environment.admin().addServlet("prometheus", new PrometheusMetricsServlet(prometheus))
                .addMapping("/metrics/prometheus");
        environment.getAdminContext().setErrorHandler(new AdminErrorHandler());
    }

    /**
     * The pages under /ui, on the same services as the API; their sessions' idle expiry is swept every ten minutes
     * (a session past it is refused at once anyway: the sweep only keeps the table small).
     */
    private ScheduledJob registerPages(Environment environment, PageSettings settings, Services services,
            Transactions transactions, OptimizationService optimizations, OptimizerService optimizer,
            ReportPagesResource reportPages) {
        PageSessions sessions = new PageSessions(transactions, services.users(), services.clock(),
                settings.getSessionIdleTimeout());
        Forms forms = new Forms(environment.getValidator());
        SignInThrottle throttle = new SignInThrottle(settings.getFailedSignInsPerName(),
                settings.getFailedSignInsPerAddress(), settings.getFailedSignInWindow(), nanoTime());
        PagesSetup.register(environment, sessions, List.of(
                new SignInResource(sessions, throttle),
                new HomeResource(services.depots()),
                new DepotPages(services.depots(), services.positions(), services.parts(), services.reservations(),
                        services.repairOrders(), services.transfers(), optimizations, services.movements(), forms,
                        services.clock()),
                new OptimizationPagesResource(optimizations, optimizer, services.depots()),
                new RepairOrderPages(services.repairOrders(), services.reservations(), services.parts(),
                        services.positions(), services.depots(), forms),
                reportPages,
                new RootRedirect()));
        return ScheduledJob.every(environment.lifecycle(), "page-session-purge",
                io.dropwizard.util.Duration.minutes(10),
                sessions::purgeIdle);
    }

    /** A short-lived pool of its own, so the service's pool starts on a migrated schema. */
    private static void migrate(DataSourceFactory database, Environment environment) {
        ManagedDataSource dataSource = PoolValidator.build(database, environment.metrics(), "migrations");
        try {
            DatabaseSetup.migrate(dataSource);
        } finally {
            try {
                dataSource.stop();
            } catch (Exception closing) {
                throw new IllegalStateException("closing the migration pool failed", closing);
            }
        }
    }

    private static void registerAuth(Environment environment, TokenAuthenticator authenticator) {
        environment.jersey().register(new AuthDynamicFeature(new BearerHeaderFilter.Builder()
                .setAuthenticator(authenticator)
                .setAuthorizer(new RoleAuthorizer())
                .setPrefix("Bearer")
                .setRealm("spares")
                .setUnauthorizedHandler(new JsonUnauthorizedHandler())
                .buildAuthFilter()));
        environment.jersey().register(RolesAllowedDynamicFeature.class);
        environment.jersey().register(new AuthValueFactoryProvider.Binder<>(Caller.class));
    }

    private static void registerRateLimit(Environment environment, SparesSettings settings, LongSupplier nanoTime) {
        if (settings.getRateLimitPerSecond() > 0) {
            environment.jersey().register(new RateLimitFilter(settings.getRateLimitPerSecond(),
                    settings.getRateLimitBurst(), environment.metrics().meter("spares.rate-limited"), nanoTime));
        }
    }

    private static void registerErrors(Environment environment) {
        environment.jersey().register(new KnownQueryParameters());
        environment.jersey().register(new DomainExceptionMapper());
        environment.jersey().register(new WebApplicationExceptionMapper());
        environment.jersey().register(new JsonExceptionMapper());
        environment.jersey().register(new ValidationExceptionMapper());
        environment.jersey().register(new UnexpectedExceptionMapper());
        // Jetty's own refusals (414, an illegal path, 503 while stopping) happen outside Jersey: same body for them.
        JsonErrorHandler jettyErrors = new JsonErrorHandler(environment.getObjectMapper());
        environment.lifecycle().addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle event) {
                if (event instanceof Server server) {
                    server.setErrorHandler(jettyErrors);
                }
            }
        });
    }

    /**
     * Order matters: the token is checked before any body is read (strangers are refused without reading), the
     * body is read whole before a load-shedding slot is taken (a slow sender holds only its own connection), and
     * the slot covers only the work.
     */
    private static void registerFilters(Environment environment, SparesSettings settings, ObjectMapper mapper,
            TokenAuthenticator authenticator) {
        environment.servlets().addFilter("request-id", new RequestIdFilter())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
        long wait = settings.getAdmissionWait().toMilliseconds();
        Meter shed = environment.metrics().meter("spares.load-shed");
        environment.servlets().addFilter("authenticate-first", new AuthenticateFirstFilter(authenticator, mapper,
                        settings.getMaxConcurrentRequests(), wait, shed))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/api/*");
        environment.servlets().addFilter("body-limit", new BodyLimitFilter(settings.getMaxBodySize().toBytes(),
                        settings.getMaxOptimizerBodySize().toBytes(), settings.getMaxBufferedBodies().toBytes(), wait,
                        mapper, shed))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
        environment.servlets().addFilter("load-shedding", new LoadSheddingFilter(settings.getMaxConcurrentRequests(),
                        wait, mapper, shed))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/api/*");
    }

    /** The document comes from {@link SparesOpenApiReader}, as the build's copy does (pom.xml). */
    private static void registerOpenApi(Environment environment) {
        OpenApiDescription resource = new OpenApiDescription();
        resource.openApiConfiguration(new SwaggerConfiguration().openAPI31(true)
                .readerClass(SparesOpenApiReader.class.getName())
                .resourcePackages(Set.of("org.spares.api.resources")).sortOutput(true).prettyPrint(true));
        environment.jersey().register(resource);
        environment.jersey().register(new DocsRedirect());
    }
}
