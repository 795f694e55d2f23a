package org.spares.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every DAO's metadata is built once, on the Jdbi: a DAO missing from {@link JdbiSetup#DAOS} has its metadata
 * rebuilt by reflection on every attach (a millisecond of CPU each), which the ledger's totals DAO paid on every
 * ledger row until this test.
 */
class DaoListTest {
    @Test
    void everyDaoHasItsMetadataBuiltOnce() {
        List<String> daos = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.spares.db").stream()
                .filter(JavaClass::isInterface)
                .filter(type -> type.getSimpleName().endsWith("Dao"))
                .map(JavaClass::getName).toList();
        assertThat(JdbiSetup.DAOS.stream().map(Class::getName).toList()).containsExactlyInAnyOrderElementsOf(daos);
    }
}
