package io.duecall.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import io.duecall.adapter.archfixture.AdapterInACycle;
import io.duecall.adapter.archfixture.AdapterStartingRedis;
import io.duecall.app.archfixture.AppReadingCsv;
import io.duecall.domain.archfixture.DomainHoldingRoster;
import io.duecall.domain.archfixture.DomainReadingRedis;
import io.duecall.domain.archfixture.DomainUsingPort;
import io.duecall.engine.archfixture.EngineDialingTheSimulator;
import io.duecall.port.archfixture.PortCallingApp;
import io.duecall.web.archfixture.WebSchedulingQuartz;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers, as drawn in ARCHITECTURE.md:
 *
 * <pre>
 *   engine (wiring, command line)
 *     |-- ops-web ------------.
 *     |-- adapters ---------. |     redis, ami, quartz, csv, memory; the FastAGI server
 *     |                     v v
 *     |                     app       use cases; the IVR flow
 *     |                      |
 *     |                    ports      what the core needs from outside
 *     |                      |
 *     '------------------> domain     records and pure decisions
 * </pre>
 *
 * Each layer uses only the layers below it; no package takes part in a cycle; the domain, ports and use cases use no
 * Redis, Asterisk, Quartz, Netty or Micrometer type; no class of the application (the engine included) starts servers
 * of its own ({@code dev-support}) or names the PBX simulator or the campaign simulator: those are for the demos
 * (module {@code demo}, which is not on this class path), the tests and the benchmarks. Every
 * rule is also run against deliberately bad classes (the {@code archfixture} packages of the test sources) and must
 * name each of them.
 */
class LayersTest {
    private static final String DOMAIN = "io.duecall.domain..";
    private static final String PORTS = "io.duecall.port..";
    private static final String APP = "io.duecall.app..";
    private static final String IVR_FLOW = "io.duecall.ivr.flow..";

    private static JavaClasses main;
    private static JavaClasses fixtures;

    @BeforeAll
    static void importClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.duecall");
        fixtures = new ClassFileImporter().importPackages(
                "io.duecall.domain.archfixture", "io.duecall.port.archfixture", "io.duecall.app.archfixture",
                "io.duecall.adapter.archfixture", "io.duecall.web.archfixture", "io.duecall.engine.archfixture");
    }

    static LayeredArchitecture layers() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Domain").definedBy(DOMAIN)
                .layer("Ports").definedBy(PORTS)
                .layer("App").definedBy(APP, IVR_FLOW)
                .layer("Adapters").definedBy("io.duecall.adapter..", "io.duecall.ivr.adapter..")
                .layer("Ops web").definedBy("io.duecall.web..")
                .layer("Engine").definedBy("io.duecall.engine..")

                .whereLayer("Domain").mayNotAccessAnyLayer()
                .whereLayer("Ports").mayOnlyAccessLayers("Domain")
                .whereLayer("App").mayOnlyAccessLayers("Ports", "Domain")
                .whereLayer("Adapters").mayOnlyAccessLayers("App", "Ports", "Domain")
                // The operations server calls use cases and ports; the domain's values are what they carry.
                .whereLayer("Ops web").mayOnlyAccessLayers("App", "Ports", "Domain")
                .whereLayer("Engine").mayNotBeAccessedByAnyLayer();
    }

    /**
     * Every package is a slice of its own. One known exception: the simulator's starter ({@code pbxsim}) and its call
     * engine ({@code pbxsim.call}) still know each other.
     */
    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("io.duecall.(**)").should().beFreeOfCycles()
            .ignoreDependency(resideInAPackage("io.duecall.pbxsim.call"), resideInAPackage("io.duecall.pbxsim"));

    static final ArchRule CORE_USES_NO_INFRASTRUCTURE = noClasses().that().resideInAnyPackage(DOMAIN, PORTS, APP)
            .should().dependOnClassesThat()
            .resideInAnyPackage("org.asteriskjava..", "redis.clients..", "org.quartz..", "io.netty..", "io.micrometer..");

    /** Throwaway Redis and PostgreSQL processes are for the demo, the tests and the benchmarks, never for a deployment. */
    static final ArchRule ONLY_DEMOS_START_SERVERS = noClasses()
            .that().resideInAnyPackage(DOMAIN, PORTS, APP, IVR_FLOW, "io.duecall.adapter..", "io.duecall.ivr.adapter..",
                    "io.duecall.web..")
            .should().dependOnClassesThat().resideInAPackage("io.duecall.devsupport..");

    /**
     * The PBX simulator, the throwaway servers and the campaign simulator are for the demos (module {@code demo}), the
     * tests and the benchmarks: no class of a deployment's class path names them, the engine's included.
     */
    static final ArchRule ONLY_DEMOS_USE_THE_SIMULATOR = noClasses()
            .that().resideInAnyPackage(DOMAIN, PORTS, APP, IVR_FLOW, "io.duecall.adapter..", "io.duecall.ivr.adapter..",
                    "io.duecall.web..", "io.duecall.engine..", "io.duecall.sipconfig..")
            .should().dependOnClassesThat().resideInAnyPackage("io.duecall.pbxsim..", "io.duecall.devsupport..",
                    "io.duecall.sim..", "io.duecall.demo..");

    @Test
    void theRulesSeeEveryModule() {
        for (var module : List.of("io.duecall.domain.account", "io.duecall.port", "io.duecall.app", "io.duecall.adapter.redis",
                "io.duecall.ivr.flow", "io.duecall.ivr.adapter.agi", "io.duecall.web.http", "io.duecall.engine",
                "io.duecall.pbxsim", "io.duecall.sipconfig", "io.duecall.devsupport")) {
            assertTrue(main.containPackage(module), "no classes imported from " + module);
        }
    }

    @Test
    void layersUseOnlyTheLayersBelowThem() {
        layers().check(main);
    }

    @Test
    void noPackageTakesPartInACycle() {
        NO_PACKAGE_CYCLES.check(main);
    }

    @Test
    void domainPortsAndUseCasesUseNoInfrastructure() {
        CORE_USES_NO_INFRASTRUCTURE.check(main);
    }

    @Test
    void onlyTheDemoAndTheBenchmarksStartServers() {
        ONLY_DEMOS_START_SERVERS.check(main);
    }

    @Test
    void onlyTheDemosUseTheSimulator() {
        ONLY_DEMOS_USE_THE_SIMULATOR.check(main);
    }

    @Test
    void everyRuleNamesTheBadClassesOfItsFixture() {
        assertNames(layers().withOptionalLayers(true), DomainHoldingRoster.class, DomainUsingPort.class,
                PortCallingApp.class, AppReadingCsv.class, WebSchedulingQuartz.class);
        assertNames(NO_PACKAGE_CYCLES, AdapterInACycle.class);
        assertNames(CORE_USES_NO_INFRASTRUCTURE, DomainReadingRedis.class);
        assertNames(ONLY_DEMOS_START_SERVERS, AdapterStartingRedis.class);
        assertNames(ONLY_DEMOS_USE_THE_SIMULATOR, EngineDialingTheSimulator.class);
    }

    private static void assertNames(ArchRule rule, Class<?>... offenders) {
        var report = rule.evaluate(fixtures).getFailureReport();
        var details = String.join("\n", report.getDetails());
        for (var offender : List.of(offenders)) {
            assertTrue(details.contains(offender.getName()),
                    "rule '" + rule.getDescription() + "' should name " + offender.getName() + "; it said:\n" + details);
        }
    }
}
