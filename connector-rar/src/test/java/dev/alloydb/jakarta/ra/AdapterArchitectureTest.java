package dev.alloydb.jakarta.ra;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import java.util.Timer;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Rules for the adapter's main code: background work only through the container's WorkManager (Connectors 2.1,
 * 11.1: a resource adapter must not create threads), and nothing public beyond what the container instantiates or
 * binds.
 */
class AdapterArchitectureTest {

  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.alloydb.jakarta.ra");

  @Test
  void createsNoThreadOrExecutor() {
    noClasses()
        .that().resideInAPackage("dev.alloydb.jakarta.ra..")
        .should().callConstructorWhere(target(owner(assignableTo(Thread.class))))
        .orShould().callConstructorWhere(target(owner(assignableTo(Executor.class))))
        .orShould().callConstructorWhere(target(owner(assignableTo(Timer.class))))
        .orShould().callMethodWhere(target(owner(type(Executors.class))))
        .because("threads belong to the container: use the BootstrapContext's WorkManager")
        .check(MAIN);
  }

  @Test
  void onlyContractTypesArePublic() {
    classes()
        .that().resideInAnyPackage("dev.alloydb.jakarta.ra", "dev.alloydb.jakarta.ra.outbound").and().arePublic()
        .should().beAssignableTo(ResourceAdapter.class)
        .orShould().beAssignableTo(ManagedConnectionFactory.class)
        .orShould().beAssignableTo(DataSource.class)
        .orShould().haveSimpleNameEndingWith("MBean")
        .because("handles, settings and helpers are internals: the container needs only these (JMX needs the MBean)")
        .check(MAIN);
  }
}
