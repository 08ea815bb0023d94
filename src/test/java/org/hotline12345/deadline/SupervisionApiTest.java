package org.hotline12345.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.hotline12345.support.Api.as;
import static org.hotline12345.support.Api.step;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hotline12345.support.Api;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.MutableClock;
import org.hotline12345.support.Shanghai;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Cards, overdue lists with working-day ages, digests and the supervisor summary, and who may read them. */
@QuarkusTest
class SupervisionApiTest extends DatabaseTest {

    @Inject
    MutableClock clock;

    @Inject
    DeadlineSupervisor supervisor;

    @Inject
    DigestService digests;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Dispatched Monday 12-07 10:00, accepted; the reply deadline is Monday 12-14 10:00. */
    private String acceptedOn1207(String lead, String staff) {
        clock.set(Shanghai.at("2026-12-07T10:00"));
        String number = Api.registerDispatched(lead);
        step(staff, number, "accept").statusCode(200);
        return number;
    }

    private void passAt(String localTime) throws SQLException {
        clock.set(Shanghai.at(localTime));
        supervisor.pass(clock.instant());
    }

    @Test
    void overdueClocksCarryTheirAgeInWorkingDaysAndHours() throws SQLException {
        String late = acceptedOn1207("HOUSING", "housing");
        passAt("2026-12-15T15:00");
        List<Map<String, Object>> overdue = as("supervisor").queryParam("department", "HOUSING")
                .queryParam("limit", 10_000).get("/api/supervision/overdue").then().statusCode(200).extract()
                .path("findAll { it.workOrderNumber == '" + late + "' }");
        assertThat(overdue).singleElement().satisfies(row -> {
            assertThat(row.get("clock")).isEqualTo("REPLY");
            assertThat(row.get("deadline")).isEqualTo("2026-12-14T10:00:00+08:00");
            assertThat(row.get("overdue")).isEqualTo(Map.of("workingDays", 1, "hours", 5, "minutes", 0,
                    "negative", false, "text", "1个工作日5小时"));
        });
        as("supervisor").queryParam("level", "RED").queryParam("limit", 10_000).get("/api/supervision/cards").then()
                .statusCode(200).body("workOrderNumber", hasItem(late))
                .body("find { it.workOrderNumber == '" + late + "' }.left.negative", equalTo(true));
    }

    @Test
    void departmentStaffSeeTheirOwnDepartmentOnly() throws SQLException {
        String housing = acceptedOn1207("HOUSING", "housing");
        String market = acceptedOn1207("SAMR", "market");
        passAt("2026-12-11T12:00");
        as("housing").queryParam("limit", 10_000).get("/api/supervision/cards").then().statusCode(200)
                .body("workOrderNumber", hasItem(housing)).body("workOrderNumber", not(hasItem(market)))
                .body("department.code", everyItem(equalTo("HOUSING")));
        as("housing").queryParam("department", "SAMR").get("/api/supervision/cards").then().statusCode(403);
        as("housing").get("/api/supervision/digest/SAMR").then().statusCode(403);
        as("housing").get("/api/supervision/summary").then().statusCode(403);
        as("housing").get("/api/supervision/digest/HOUSING").then().statusCode(200)
                .body("yellow.workOrderNumber", hasItem(housing));
        as("supervisor").get("/api/supervision/digest/SAMR").then().statusCode(200)
                .body("yellow.workOrderNumber", hasItem(market));
        as("agent").queryParam("department", "NOPE").get("/api/supervision/cards").then().statusCode(400);
    }

    @Test
    void theSummaryCountsCardsPerDepartmentWithTheOldestOverdue() throws SQLException {
        String oldest = acceptedOn1207("D-EAST", "east");
        passAt("2026-12-21T10:00");
        Map<String, Object> east = as("supervisor").get("/api/supervision/summary").then().statusCode(200).extract()
                .path("departments.find { it.department.code == 'D-EAST' }");
        assertThat(((Number) east.get("escalated")).intValue()).isGreaterThanOrEqualTo(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> oldestOverdue = (Map<String, Object>) east.get("oldestOverdue");
        assertThat(oldestOverdue).isNotNull();
        assertThat((String) oldestOverdue.get("deadline")).isLessThanOrEqualTo("2026-12-14T10:00:00+08:00");
        assertThat(oldest).isNotBlank();
    }

    @Test
    void theDailyDigestReachesDepartmentsAndSupervisors() throws SQLException {
        String number = acceptedOn1207("HOUSING", "housing");
        passAt("2026-12-14T11:00");
        assertThat(digests.sendDaily()).isPositive();
        List<Map<String, Object>> housingDigests = as("housing").queryParam("size", 200).get("/api/notifications")
                .then().extract().path("items.findAll { it.kind == 'DIGEST' }");
        assertThat(housingDigests).isNotEmpty();
        assertThat((String) housingDigests.get(0).get("title")).matches("今日红黄牌：黄牌 \\d+ 件，红牌 \\d+ 件");
        as("housing").get("/api/supervision/digest/HOUSING").then().body("red.workOrderNumber", hasItem(number));
        as("supervisor").queryParam("size", 200).get("/api/notifications").then()
                .body("items.find { it.kind == 'DIGEST' }.title", startsWith("全市红黄牌汇总"));
    }

    @Test
    void aRedCardNotifiesTheDepartmentAndEverySupervisor() throws SQLException {
        String number = acceptedOn1207("HOUSING", "housing");
        passAt("2026-12-11T10:00");
        passAt("2026-12-14T10:00");
        as("housing").queryParam("size", 200).get("/api/notifications").then()
                .body("items.findAll { it.workOrderNumber == '" + number + "' }.kind", hasItem("OVERDUE"))
                .body("items.findAll { it.workOrderNumber == '" + number + "' }.kind", hasItem("URGE"));
        as("supervisor").queryParam("size", 200).get("/api/notifications").then()
                .body("items.findAll { it.workOrderNumber == '" + number + "' }.kind", equalTo(List.of("OVERDUE")));
    }
}
