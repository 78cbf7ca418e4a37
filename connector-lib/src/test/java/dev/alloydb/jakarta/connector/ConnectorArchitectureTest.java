package dev.alloydb.jakarta.connector;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Rules for connector-lib's main code: it runs outside Jakarta EE (no {@code jakarta.*}), and its public API names
 * no type of the Google client stack, which stays an implementation detail that can change or be shaded.
 */
class ConnectorArchitectureTest {

  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.alloydb.jakarta.connector");

  private static final List<String> CLIENT_STACK_PACKAGES =
      List.of("com.google.api.gax", "com.google.cloud.alloydb", "com.google.protobuf", "io.grpc");

  @Test
  void importsNoJakartaPackage() {
    noClasses()
        .that().resideInAPackage("dev.alloydb.jakarta.connector..")
        .should().dependOnClassesThat().resideInAPackage("jakarta..")
        .because("the library must work in plain Java SE and on any server")
        .check(MAIN);
  }

  @Test
  void publicApiExposesNoClientStackType() {
    classes()
        .that().resideInAPackage("dev.alloydb.jakarta.connector").and().arePublic()
        .should(exposeNoClientStackType())
        .check(MAIN);
  }

  private static ArchCondition<JavaClass> exposeNoClientStackType() {
    return new ArchCondition<>("expose no gax, google-cloud-alloydb, protobuf or gRPC type in a public signature") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        Set<JavaClass> exposed = new LinkedHashSet<>();
        type.getRawSuperclass().ifPresent(exposed::add);
        exposed.addAll(type.getRawInterfaces());
        for (JavaMember member : type.getMembers()) {
          if (!member.getModifiers().contains(JavaModifier.PUBLIC)
              && !member.getModifiers().contains(JavaModifier.PROTECTED)) {
            continue;
          }
          if (member instanceof JavaField field) {
            exposed.addAll(field.getType().getAllInvolvedRawTypes());
          } else if (member instanceof JavaCodeUnit code) {
            exposed.addAll(code.getReturnType().getAllInvolvedRawTypes());
            code.getParameterTypes().forEach(parameter -> exposed.addAll(parameter.getAllInvolvedRawTypes()));
            code.getThrowsClause().getTypes().forEach(exposed::add);
          }
        }
        for (JavaClass candidate : exposed) {
          if (CLIENT_STACK_PACKAGES.stream().anyMatch(prefix -> candidate.getPackageName().startsWith(prefix))) {
            events.add(SimpleConditionEvent.violated(type,
                type.getName() + " exposes " + candidate.getName() + " in its public API"));
          }
        }
      }
    };
  }
}
