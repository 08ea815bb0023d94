package org.hotline12345.area;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hotline12345.support.Api.as;

import java.util.List;
import java.util.Map;

import org.hotline12345.support.DatabaseTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The city's districts and streets: the first-run data's, read by everyone, replaced whole by administrators. */
@QuarkusTest
class AreaApiTest extends DatabaseTest {

    @Test
    void theDemoCitysListIsReadByEveryoneAndReplacedByAnAdministrator() {
        List<Map<String, Object>> demo = as("agent").get("/api/areas").then().statusCode(200)
                .body("name", hasItem("城东区")).body("find { it.name == '城西区' }.streets",
                        contains("西关街道", "西湖街道", "长安街道"))
                .extract().path("$");
        as("housing").get("/api/areas").then().statusCode(200);
        try {
            List<Map<String, Object>> changed = List.of(Map.of("name", "城东区", "streets", List.of("东门街道", "新区街道")),
                    Map.of("name", "临江县", "streets", List.of()));
            as("agent").body(changed).put("/api/areas").then().statusCode(403);
            as("admin").body(changed).put("/api/areas").then().statusCode(200);
            as("agent").get("/api/areas").then().body("name", contains("城东区", "临江县"))
                    .body("[0].streets", contains("东门街道", "新区街道"));

            as("admin").body(List.of(Map.of("name", "城东区", "streets", List.of("东门街道", "东门街道"))))
                    .put("/api/areas").then().statusCode(422)
                    .body("violations[0].field", equalTo("[0].streets[1]"));
            as("admin").body(List.of(Map.of("name", " ", "streets", List.of()))).put("/api/areas").then()
                    .statusCode(400);
            as("agent").get("/api/areas").then().body("name", contains("城东区", "临江县"));
        } finally {
            as("admin").body(demo).put("/api/areas").then().statusCode(200);
        }
    }
}
