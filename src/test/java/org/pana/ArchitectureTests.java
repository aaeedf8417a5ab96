package org.pana;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** House rules that the module check does not cover (style.md, "Testing habits", 4). */
class ArchitectureTests {

    static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.pana");

    @Test
    void readsTheTimeOnlyFromTheInjectedClock() {
        noClasses().that().resideOutsideOfPackage("org.pana.platform..")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.OffsetDateTime.class, "now")
                .orShould().callMethod(java.time.ZonedDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .because("time comes from the Clock bean, so tests and deadlines can set it")
                .check(MAIN);
    }

    @Test
    void makesIdentifiersOnlyInThePlatform() {
        noClasses().that().resideOutsideOfPackage("org.pana.platform..")
                .should().callMethod(java.util.UUID.class, "randomUUID")
                .because("ids are time-ordered UUIDs from TimeOrderedIds")
                .check(MAIN);
    }

    @Test
    void usesNoFieldInjection() {
        noFields().should().beAnnotatedWith(Autowired.class).because("dependencies go through constructors").check(MAIN);
    }

    @Test
    void keepsJpaOut() {
        noClasses().should().dependOnClassesThat().resideInAPackage("jakarta.persistence..").check(MAIN);
    }
}
