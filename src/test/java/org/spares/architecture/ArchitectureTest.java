package org.spares.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.jdbi.v3.core.Handle;
import java.util.List;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spares.api.errors.UnexpectedExceptionMapper;
import org.spares.db.SqlErrors;
import org.spares.service.Transactions;


/**
 * The layers of Spares, stated once and held by the build:
 *
 * <pre>
 * domain  <-  db  <-  service  <-  api, jobs, demo, config  <-  cli  <-  app
 *                    service, api  <-  pages (the /ui pages, on the API's auth and errors)  <-  app
 *        <-  optimize, report, forecast (pure calculators)  <-  service
 *        <-  optimize  <-  simulate (pure calculator)  <-  service
 * </pre>
 *
 * A request enters at a resource, which maps HTTP to a service method and its result to a view; the service method
 * is one unit of work on the database through {@link Transactions}; DAOs in {@code db} hold the SQL.
 */
class ArchitectureTest {
    /**
     * seed-bulk's generator writes millions of ledger rows as JDBC batches, the one way into the database besides
     * the DAOs; it runs alone on an empty database, never beside a request.
     */
    private static final DescribedPredicate<JavaClass> BULK_LOADING = JavaClass.Predicates.resideInAPackage(
            "org.spares.cli").and(JavaClass.Predicates.simpleNameStartingWith("Bulk")
            .or(JavaClass.Predicates.simpleName("SeedBulkCommand")));

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.spares");
    }
    @Test
    void layers() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("domain").definedBy("org.spares.domain..")
                .layer("db").definedBy("org.spares.db..")
                .layer("optimize").definedBy("org.spares.optimize..")
                .layer("report").definedBy("org.spares.report..")
                .layer("forecast").definedBy("org.spares.forecast..")
                .layer("simulate").definedBy("org.spares.simulate..")
                .layer("service").definedBy("org.spares.service..")
                .layer("api").definedBy("org.spares.api..")
                .layer("pages").definedBy("org.spares.pages..")
                .layer("jobs").definedBy("org.spares.jobs..")
                .layer("demo").definedBy("org.spares.demo..")
                .layer("config").definedBy("org.spares.config..")
                .layer("cli").definedBy("org.spares.cli..")
                .layer("app").definedBy("org.spares.app..")
                .whereLayer("app").mayNotBeAccessedByAnyLayer()
                .whereLayer("cli").mayOnlyBeAccessedByLayers("app")
                .whereLayer("config").mayOnlyBeAccessedByLayers("cli", "app")
                .whereLayer("pages").mayOnlyBeAccessedByLayers("app")
                .whereLayer("api").mayOnlyBeAccessedByLayers("pages", "app")
                .whereLayer("demo").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("jobs").mayOnlyBeAccessedByLayers("demo", "app")
                .whereLayer("service").mayOnlyBeAccessedByLayers("api", "pages", "jobs", "demo", "config", "cli", "app")
                .whereLayer("report").mayOnlyBeAccessedByLayers("service", "api", "pages")
                .whereLayer("forecast").mayOnlyBeAccessedByLayers("service", "api", "pages", "config")
                .whereLayer("simulate").mayOnlyBeAccessedByLayers("service", "api", "pages")
                .whereLayer("optimize").mayOnlyBeAccessedByLayers("service", "api", "pages", "cli", "simulate")
                .whereLayer("db").mayOnlyBeAccessedByLayers("service", "config", "app")
                // A database failure that escaped every unit of work (a connection lost while a report streams, the
                // token lookup) becomes 503 here, the one place that sees every failure.
                .ignoreDependency(UnexpectedExceptionMapper.class, SqlErrors.class)
                .ignoreDependency(BULK_LOADING, DescribedPredicate.alwaysTrue())
                .check(main);
    }

    @Test
    void noCycles() {
        slices().matching("org.spares.(*)..").should().beFreeOfCycles()
                .check(main);
    }

    @Test
    void onlyTheDataLayersTouchTheDatabase() {
        noClasses()
                .that().resideInAnyPackage("org.spares.api..", "org.spares.pages..", "org.spares.jobs..",
                        "org.spares.demo..", "org.spares.cli..", "org.spares.domain..", "org.spares.optimize..",
                        "org.spares.report..", "org.spares.forecast..", "org.spares.simulate..")
                .and(DescribedPredicate.not(BULK_LOADING))
            .should().dependOnClassesThat().resideInAnyPackage("org.jdbi..", "java.sql..", "javax.sql..")
                .because("resources, jobs and commands call service methods, which own their units of work")
                .check(main);
    }

    @Test
    void noHttpBelowTheApi() {
        noClasses()
                .that().resideInAnyPackage("org.spares.domain..", "org.spares.db..", "org.spares.service..",
                        "org.spares.optimize..", "org.spares.report..", "org.spares.forecast..", "org.spares.simulate..",
                        "org.spares.jobs..",
                        "org.spares.demo..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "jakarta.servlet..",
                        "org.eclipse.jetty..", "org.glassfish.jersey..", "io.dropwizard.auth..", "io.dropwizard.jersey..")
                .check(main);
    }

    @Test
    void transactionsAreOpenedInOnePlace() {
        noClasses().that().doNotHaveFullyQualifiedName(Transactions.class.getName())
                .should().callMethodWhere(JavaCall.Predicates.target(HasOwner.Predicates.With.owner(
                        JavaClass.Predicates.assignableTo(Jdbi.class).or(JavaClass.Predicates.assignableTo(Handle.class))))
                        .and(JavaCall.Predicates.target(HasName.Predicates.nameMatching(
                                "inTransaction|useTransaction|begin|commit|rollback|setTransactionIsolation.*"))))
                .because("a unit of work is one service method and one transaction, opened by Transactions")
                .check(main);
    }

    @Test
    void theLowerLayersUseOnlyTheDomain() {
        for (String lower : new String[] {"db", "optimize", "report", "forecast"}) {
            noClasses().that().resideInAPackage("org.spares." + lower + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(otherThan(lower, "domain"))
                    .check(main);
        }
        // the simulation reads the optimizer's request, plan and progress types; the optimizer knows nothing of it
        noClasses().that().resideInAPackage("org.spares.simulate..")
                .should().dependOnClassesThat().resideInAnyPackage(otherThan("simulate", "optimize", "domain"))
                .check(main);
        noClasses().that().resideInAPackage("org.spares.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(otherThan("domain"))
                .check(main);
    }

    /** Every package of Spares but the given ones. */
    private static String[] otherThan(String... allowed) {
        return Stream.of("app", "config", "cli", "api", "pages", "jobs", "demo", "service", "db", "optimize", "report",
                "forecast", "simulate", "domain").filter(name -> !List.of(allowed).contains(name)).map(name -> "org.spares." + name + "..")
                .toArray(String[]::new);
    }
}
