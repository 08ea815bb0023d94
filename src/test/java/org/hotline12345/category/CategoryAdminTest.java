package org.hotline12345.category;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hotline12345.support.Api.as;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.hotline12345.support.Api;
import org.hotline12345.support.DatabaseTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The taxonomy as administrators keep it: stable codes, renames, retirement, and importing a whole taxonomy. */
@QuarkusTest
class CategoryAdminTest extends DatabaseTest {

    private static String create(String parent, String name) {
        Map<String, Object> body = parent == null ? Map.of("name", name) : Map.of("parentCode", parent, "name", name);
        return as("admin").body(body).post("/api/categories").then().statusCode(201).extract().path("code");
    }

    @Test
    void newNodesGetTheNextCodeUnderTheirParentAndCodesAreNeverReused() {
        String top = create(null, "测试大类" + System.nanoTime());
        String second = create(top, "二级");
        String third = create(second, "三级");
        org.assertj.core.api.Assertions.assertThat(second).isEqualTo(top + "01");
        org.assertj.core.api.Assertions.assertThat(third).isEqualTo(second + "01");
        as("admin").body(Map.of("parentCode", third, "name", "四级")).post("/api/categories").then()
                .statusCode(422).body("violations[0].rule", equalTo("level"));
        as("admin").post("/api/categories/" + second + "/retire").then().statusCode(200)
                .body("code", contains(second, third)).body("active", everyItem(equalTo(false)));
        org.assertj.core.api.Assertions.assertThat(create(top, "另一个二级")).isEqualTo(top + "02");
        as("admin").body(Map.of("parentCode", second, "name", "退役下新增")).post("/api/categories").then()
                .statusCode(422).body("violations[0].rule", equalTo("active"));
    }

    @Test
    void renamingKeepsTheCodeAndSiblingNamesAreUnique() {
        String top = create(null, "改名大类" + System.nanoTime());
        String child = create(top, "旧名称");
        create(top, "已有名称");
        as("admin").body(Map.of("name", "新名称")).put("/api/categories/" + child).then().statusCode(200)
                .body("code", equalTo(child)).body("name", equalTo("新名称"));
        as("admin").body(Map.of("name", "已有名称")).put("/api/categories/" + child).then().statusCode(409);
        as("agent").body(Map.of("name", "坐席新增")).post("/api/categories").then().statusCode(403);
        as("admin").body(Map.of("name", "")).put("/api/categories/" + child).then().statusCode(400);
    }

    @Test
    void aRetiredCategoryStaysReadableOnOldWorkOrdersButNewOnesCannotChooseIt() {
        String top = create(null, "退役测试" + System.nanoTime());
        String second = create(top, "二级");
        String third = create(second, "三级");
        Map<String, Object> registration = Api.registration();
        registration.put("categoryCode", third);
        String number = Api.register(registration);
        as("admin").post("/api/categories/" + top + "/retire").then().statusCode(200);
        as("agent").get("/api/work-orders/" + number).then().body("category.code", equalTo(third));
        as("agent").body(registration).post("/api/work-orders").then().statusCode(422)
                .body("violations[0].rule", equalTo("active"));
        as("admin").post("/api/categories/" + third + "/restore").then().statusCode(409);
        as("admin").post("/api/categories/" + top + "/restore").then().statusCode(200).body("active", equalTo(true));
        as("admin").post("/api/categories/" + second + "/restore").then().statusCode(200);
        as("admin").post("/api/categories/" + third + "/restore").then().statusCode(200);
        as("agent").body(registration).post("/api/work-orders").then().statusCode(201);
    }

    @Test
    void aTaxonomyIsImportedByTheNamesOfItsLevels() {
        String unique = "导入" + System.nanoTime();
        String csv = "一级分类,二级分类,三级分类\n" + unique + ",交通,道路\n" + unique + ",交通,公交\n" + unique + ",教育,学前\n"
                + unique + ",教育\n";
        as("admin").contentType("text/csv; charset=UTF-8").body(csv).post("/api/categories/import").then()
                .statusCode(200).body("rows", equalTo(4)).body("created", equalTo(6))
                .body("problems.line", contains(5));
        as("admin").contentType("text/csv; charset=UTF-8").body(csv).post("/api/categories/import").then()
                .body("created", equalTo(0)).body("existing", equalTo(3));
    }

    @Test
    void theRealTaxonomyOfTheDatasetsImports() throws IOException {
        Path file = Path.of("../shared/datasets/taxonomy/categories-3-level.csv");
        Assumptions.assumeTrue(Files.exists(file), "../shared/datasets is absent");
        as("admin").contentType("text/csv; charset=UTF-8").body(Files.readString(file, StandardCharsets.UTF_8))
                .post("/api/categories/import").then().statusCode(200)
                .body("rows", greaterThan(500)).body("problems.size()", equalTo(0));
    }
}
