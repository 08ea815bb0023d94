package org.hotline12345;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.persistence.Entity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * The package structure that lets a feature change without the others: no feature package depends on itself through
 * another, and the work order, which nearly every feature follows, is read only through the records of its package's
 * services and events (so its entities, its repository and its tables can change in one place).
 */
class ArchitectureTest {

    /** The service's own classes, not the tests'; imported once for all the rules. */
    static final JavaClasses SERVICE = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
            .importPath(Path.of("target/classes"));

    static final String WORK_ORDER_PACKAGE = "org.hotline12345.workorder..";

    /** The tables {@code workorder} owns (the migrations create them); other features' tables may hold its ids. */
    static final Pattern WORK_ORDER_TABLE = Pattern.compile(
            "\\bwork_order(_(assignment|attachment|attachment_content|event|number_counter)(_seq)?|_seq)?\\b");

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("org.hotline12345.(*)..").should().beFreeOfCycles().check(SERVICE);
    }

    @Test
    void onlyTheWorkOrderPackageUsesItsEntitiesAndRepository() {
        noClasses().that().resideOutsideOfPackage(WORK_ORDER_PACKAGE).should().dependOnClassesThat(describe(
                "are entities or repositories of org.hotline12345.workorder",
                (JavaClass type) -> type.getPackageName().startsWith("org.hotline12345.workorder")
                        && (type.isAnnotatedWith(Entity.class) || type.isAssignableTo(PanacheRepository.class)
                                || type.isAssignableTo(PanacheRepositoryBase.class))))
                .check(SERVICE);
    }

    /**
     * ArchUnit does not see the text of SQL and JPQL strings, so the sources are read: outside {@code workorder}
     * (and the Flyway migrations, which are no Java) no string names one of its tables.
     */
    @Test
    void noSqlOutsideTheWorkOrderPackageNamesItsTables() throws IOException {
        assertThat(workOrderTablesNamedOutside(Path.of("src/main/java/org/hotline12345"))).isEmpty();
    }

    @Test
    void theScanFindsATableNamedInAnotherPackageButNotTheIdsOtherTablesHold(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("deadline"));
        Files.createDirectories(root.resolve("workorder"));
        Files.writeString(root.resolve("deadline/Leak.java"), """
                String ok = "select work_order_id, work_order_number from call_work_order, work_order_rating";
                String leak = "select w.title from work_order w";
                String event = "insert into work_order_event (id) values (nextval('work_order_event_seq'))";
                """);
        Files.writeString(root.resolve("workorder/Own.java"), "String sql = \"select * from work_order\";");

        assertThat(workOrderTablesNamedOutside(root)).containsExactly(
                "deadline/Leak.java:2: String leak = \"select w.title from work_order w\";",
                "deadline/Leak.java:3: String event = \"insert into work_order_event (id) values"
                        + " (nextval('work_order_event_seq'))\";");
    }

    /** Where, outside {@code workorder}, a Java source under the root names a work-order table: file:line: text. */
    static List<String> workOrderTablesNamedOutside(Path root) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(root)) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !root.relativize(p).startsWith("workorder")).sorted().toList()) {
                List<String> lines = Files.readAllLines(source);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher table = WORK_ORDER_TABLE.matcher(lines.get(i));
                    if (table.find()) {
                        found.add(root.relativize(source) + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        return found;
    }
}
