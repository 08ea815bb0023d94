package org.hotline12345.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hotline12345.support.Api.as;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.inject.Inject;

import org.hotline12345.knowledge.KnowledgeImporter.FileProblem;
import org.hotline12345.knowledge.KnowledgeImporter.ImportReport;
import org.hotline12345.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.junit.QuarkusTest;

/** knowledge-base/ files into the database: upsert by slug, bad files reported and skipped, good ones kept. */
@QuarkusTest
class KnowledgeImportTest extends DatabaseTest {

    @Inject
    KnowledgeImporter importer;

    @TempDir
    Path directory;

    private static String file(String title, String category, String extra) {
        return """
                ---
                title: %s
                category: "%s"
                department: HRSS
                source:
                  name: 社会保险法
                effective: 2011-07-01
                status: published
                %s
                ---
                答案正文。
                """.formatted(title, category, extra);
    }

    private void write(String relative, String content) throws IOException {
        Path path = directory.resolve(relative);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
    }

    @Test
    void theShippedKnowledgeBaseImportsWithoutAProblemAndHasItsArticles() {
        ImportReport report = importer.importShipped("admin", "ADMIN");
        assertThat(report.problems()).isEmpty();
        assertThat(report.files()).isGreaterThanOrEqualTo(80);
        assertThat(report.created() + report.updated() + report.unchanged()).isEqualTo(report.files());
        as("editor").post("/api/knowledge/import").then().statusCode(200).body("problems.size()", equalTo(0));
        as("agent").post("/api/knowledge/import").then().statusCode(403);
    }

    @Test
    void goodFilesAreImportedAndEachBadOneIsReportedWithItsFieldAndRule() throws IOException {
        String marker = Articles.marker();
        write("social-insurance/import-good-" + marker + ".md", file("好文章 " + marker, "050201", ""));
        write("social-insurance/import-unknown-category-" + marker + ".md", file("坏分类", "999999", ""));
        write("social-insurance/import-no-title-" + marker + ".md", file("", "050201", ""));
        write("social-insurance/import-bad-key-" + marker + ".md", file("多余字段", "050201", "colour: red"));
        write("social-insurance/Import_Bad_Name.md", file("文件名不合规", "050201", ""));
        write("z-other/import-good-" + marker + ".md", file("重复的 slug", "050201", ""));
        write("social-insurance/import-no-front-matter-" + marker + ".md", "只有正文");

        ImportReport report = importer.importAll(directory, "admin", "ADMIN");
        assertThat(report.files()).isEqualTo(7);
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.problems()).extracting(FileProblem::field, FileProblem::rule).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("categoryCode", "exists"),
                org.assertj.core.groups.Tuple.tuple("title", "NotBlank"),
                org.assertj.core.groups.Tuple.tuple("colour", "format"),
                org.assertj.core.groups.Tuple.tuple("slug", "Pattern"),
                org.assertj.core.groups.Tuple.tuple("slug", "unique"),
                org.assertj.core.groups.Tuple.tuple("frontMatter", "format"));
        assertThat(report.problems()).filteredOn(p -> p.rule().equals("unique")).singleElement()
                .extracting(FileProblem::file).asString().startsWith("z-other/");

        as("agent").get("/api/knowledge/articles/import-good-" + marker).then().statusCode(200)
                .body("title", equalTo("好文章 " + marker)).body("createdBy", equalTo("admin"));
    }

    @Test
    void reimportUpdatesChangedFilesOnlyAndKeepsEditorsChangesToUnchangedOnes() throws IOException {
        String marker = Articles.marker();
        String slug = "reimport-" + marker;
        String edited = "reimport-edited-" + marker;
        write("t/" + slug + ".md", file("原标题 " + marker, "050201", "tags: [旧]"));
        write("t/" + edited + ".md", file("编辑会改的文章 " + marker, "050201", ""));
        ImportReport first = importer.importAll(directory, "admin", "ADMIN");
        assertThat(List.of(first.created(), first.updated(), first.unchanged())).containsExactly(2, 0, 0);

        // an editor improves one article in the service
        as("editor").get("/api/knowledge/articles/" + edited).then().statusCode(200);
        var body = Articles.article(marker, "编辑改过的标题");
        body.put("categoryCode", "050201");
        body.put("departmentCode", "HRSS");
        body.put("version", 1);
        as("editor").body(body).put("/api/knowledge/articles/" + edited).then().statusCode(200);

        // the other file changes
        write("t/" + slug + ".md", file("新标题 " + marker, "050201", "tags: [新]"));
        ImportReport second = importer.importAll(directory, "admin", "ADMIN");
        assertThat(List.of(second.created(), second.updated(), second.unchanged())).containsExactly(0, 1, 1);

        as("editor").get("/api/knowledge/articles/" + slug).then().body("version", equalTo(2))
                .body("title", equalTo("新标题 " + marker));
        as("editor").get("/api/knowledge/articles/" + slug + "/versions").then()
                .body("[0].changedFields", org.hamcrest.Matchers.contains("title", "tags"))
                .body("[0].note", equalTo("从 knowledge-base/ 导入"));
        as("editor").get("/api/knowledge/articles/" + edited).then().body("title", equalTo("编辑改过的标题 " + marker));

        ImportReport third = importer.importAll(directory, "admin", "ADMIN");
        assertThat(List.of(third.created(), third.updated(), third.unchanged())).containsExactly(0, 0, 2);
    }
}
