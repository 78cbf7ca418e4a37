package dev.alloydb.jakarta.sample;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The sample application sees only JDK and Jakarta types: the DataSource it uses could come from any adapter. */
class SampleArchitectureTest {

  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.alloydb.jakarta.sample");

  @Test
  void usesNoConnectorOrAdapterClass() {
    noClasses()
        .that().resideInAPackage("dev.alloydb.jakarta.sample..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.alloydb.jakarta.connector..", "dev.alloydb.jakarta.ra..")
        .because("applications reach AlloyDB only through the container's javax.sql.DataSource")
        .check(MAIN);
  }
}
