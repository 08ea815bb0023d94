package org.hotline12345.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hotline12345.support.Api.as;

import java.util.List;

import jakarta.inject.Inject;

import org.hotline12345.support.DatabaseTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The test profile enables first-run data, as the embedded default does. */
@QuarkusTest
class FirstRunDataTest extends DatabaseTest {

    @Inject
    FirstRunData firstRunData;

    @Test
    void aMidSizeCityWithItsDepartmentsAndDistricts() {
        as("agent").get("/api/departments").then().statusCode(200)
                .body("name", hasItems("市行政审批服务局", "市发展改革委", "市教育局", "市公安局", "市人社局", "市住建局",
                        "市市场监管局", "市生态环境局", "市交通运输局", "市卫生健康委", "市医保局", "市住房公积金管理中心"))
                .body("findAll { it.kind == 'DISTRICT_GOVERNMENT' }.size()", equalTo(7));
    }

    @Test
    void aThreeLevelTaxonomy() {
        List<Integer> levels = as("agent").get("/api/categories").then().statusCode(200).extract().path("level");
        assertThat(levels).contains(1, 2, 3).hasSizeGreaterThan(200);
        as("agent").get("/api/categories/010101").then().body("path", equalTo("城乡建设 / 物业管理 / 物业服务收费"))
                .body("parentCode", equalTo("0101"));
        as("agent").queryParam("under", "01").queryParam("activeOnly", true).get("/api/categories").then()
                .body("code.every { it.startsWith('01') }", equalTo(true));
    }

    @Test
    void oneDemoUserPerRole() {
        List<String> roles = as("admin").get("/api/users").then().statusCode(200).extract().path("role");
        assertThat(roles).contains("AGENT", "DEPARTMENT_STAFF", "DESK", "SUPERVISOR", "ADMIN");
        for (String user : new String[]{"agent", "housing", "market", "east", "desk", "supervisor", "admin"}) {
            as(user).get("/api/me").then().statusCode(200);
        }
    }

    @Test
    void loadsOnlyIntoAnEmptyDatabase() {
        assertThat(firstRunData.load()).isFalse();
    }
}
