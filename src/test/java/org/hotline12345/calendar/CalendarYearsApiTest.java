package org.hotline12345.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.oneOf;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.hotline12345.support.Api;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.MutableClock;
import org.hotline12345.support.Shanghai;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;

/**
 * Administrators maintain a year through the API and the calendar follows at once. The suite shares one application:
 * every test leaves 2027 as it found it (not maintained), so that other tests' deadlines stay as they expect.
 */
@QuarkusTest
class CalendarYearsApiTest extends DatabaseTest {

    /** Made up but plausible: 元旦 on Friday 01-01, Spring Festival 02-06…02-12 with two make-up weekend days. */
    static final String YEAR_2027 = """
            # 2027 年部分节假日安排（测试用）
            off  2027-01-01              元旦
            off  2027-02-06..2027-02-12  春节
            work 2027-02-14              春节
            work 2027-02-20              春节
            """;

    @Inject
    MutableClock clock;

    @Inject
    HolidayYears holidayYears;

    @Inject
    DataSource dataSource;

    @AfterEach
    void leave2027Unmaintained() {
        clock.reset();
        Api.as("admin").delete("/api/calendar/years/2027").then().statusCode(oneOf(200, 404));
    }

    static ValidatableResponse put(String user, String year, String text) {
        return Api.as(user).contentType("text/plain; charset=UTF-8").body(text).put("/api/calendar/years/" + year)
                .then();
    }

    static boolean workingDay(String date) {
        return Api.as("agent").get("/api/calendar/working-day?date=" + date).then().statusCode(200).extract()
                .as(Boolean.class);
    }

    @Test
    void anAdministratorAddsAYearAndEveryDeadlineUsesItAtOnceUntilItIsDeleted() {
        clock.set(Shanghai.at("2026-11-24T10:00"));
        assertThat(workingDay("2027-01-01")).as("a Friday, 2027 unknown").isTrue();
        RestAssured.get("/q/health/ready").then()
                .body("checks.find { it.name == 'working-calendar' }.data.warning", containsString("/admin/calendar"));

        put("admin", "2027", YEAR_2027).statusCode(200)
                .body("year.year", equalTo(2027))
                .body("year.source", equalTo("ADMINISTRATOR"))
                .body("year.savedBy", equalTo("admin"))
                .body("year.savedAt", containsString("2026-11-24T10:00"))
                .body("year.shipped", nullValue());

        assertThat(workingDay("2027-01-01")).as("元旦").isFalse();
        assertThat(workingDay("2027-02-08")).as("Spring Festival Monday").isFalse();
        assertThat(workingDay("2027-02-14")).as("make-up Sunday").isTrue();
        Api.as("agent").get("/api/calendar/2027").then().statusCode(200)
                .body("covered", equalTo(true)).body("days.size()", equalTo(10));
        Api.as("agent").queryParam("start", "2027-02-05T14:00:00+08:00").queryParam("limit", "1wd")
                .get("/api/calendar/deadline").then()
                .body("deadline", equalTo("2027-02-14T14:00:00+08:00"));
        Api.as("admin").get("/api/calendar/years").then().statusCode(200)
                .body("year", equalTo(List.of(2024, 2025, 2026, 2027)))
                .body("find { it.year == 2026 }.source", equalTo("BUNDLED"))
                .body("find { it.year == 2026 }.shippedName", equalTo("calendar/holidays-cn.txt"))
                .body("find { it.year == 2027 }.source", equalTo("ADMINISTRATOR"))
                .body("find { it.year == 2027 }.savedByName", equalTo("系统管理员"));
        RestAssured.get("/q/health/ready").then()
                .body("checks.find { it.name == 'working-calendar' }.data.coveredYears",
                        equalTo("[2024, 2025, 2026, 2027]"))
                .body("checks.find { it.name == 'working-calendar' }.data.warning", nullValue());

        Api.as("admin").delete("/api/calendar/years/2027").then().statusCode(200);
        assertThat(workingDay("2027-01-01")).as("back to the ordinary week").isTrue();
        Api.as("admin").get("/api/calendar/years").then().body("year", not(hasItem(2027)));
        Api.as("admin").delete("/api/calendar/years/2027").then().statusCode(404);
    }

    /** 2025, which no other test's work orders run through, so that replacing it moves nobody else's deadline. */
    @Test
    void anAdministratorsYearReplacesTheBundledOneAndDeletingItRestoresIt() {
        try {
            put("admin", "2025", "year 2025\noff 2025-01-01 元旦\n").statusCode(200)
                    .body("year.source", equalTo("ADMINISTRATOR")).body("year.shipped", equalTo("BUNDLED"));
            assertThat(workingDay("2025-10-08")).as("no National Day in this version").isTrue();
            assertThat(workingDay("2025-01-01")).isFalse();
        } finally {
            Api.as("admin").delete("/api/calendar/years/2025").then().statusCode(200);
        }
        assertThat(workingDay("2025-10-08")).isFalse();
        Api.as("admin").get("/api/calendar/years").then().body("find { it.year == 2025 }.source", equalTo("BUNDLED"));
    }

    @Test
    void aMalformedLineIsRefusedNamingTheLineAndTheRule() {
        put("admin", "2027", "off 2027-01-01 元旦\nwork 2027-03-01 春节\n").statusCode(422)
                .contentType("application/problem+json")
                .body("line", equalTo(2))
                .body("violations[0].field", equalTo("entries"))
                .body("violations[0].rule", equalTo("weekend"))
                .body("detail", equalTo("第 2 行“work 2027-03-01 春节”：2027-03-01 是星期一，调休上班日必须是星期六或星期日"));
        put("admin", "2027", "off 2027-01-01 元旦\noff 2026-12-31 元旦\n").statusCode(422)
                .body("violations[0].rule", equalTo("same-year")).body("line", equalTo(2));
        put("admin", "2027", "off 2027-01-01 元旦\nholiday 2027-05-01\n").statusCode(422)
                .body("violations[0].rule", equalTo("keyword"));
        put("admin", "1999", "off 1999-01-01 元旦\n").statusCode(422)
                .body("violations[0].field", equalTo("year")).body("violations[0].rule", equalTo("year-range"));
        put("admin", "next", YEAR_2027).statusCode(400).body("violations[0].field", equalTo("year"));
        assertThat(workingDay("2027-01-01")).as("nothing was saved").isTrue();
    }

    @Test
    void onlyAdministratorsMaintainYears() {
        for (String user : List.of("agent", "supervisor", "housing")) {
            Api.as(user).get("/api/calendar/years").then().statusCode(403);
            put(user, "2027", YEAR_2027).statusCode(403);
            Api.as(user).delete("/api/calendar/years/2027").then().statusCode(403);
        }
        assertThat(workingDay("2027-01-01")).isTrue();
    }

    /** Monday 12-28 with 5 working days to reply: 01-04 while 2027 is unknown, 01-05 once 元旦 is off. */
    @Test
    void runningDeadlinesInTheYearMoveAndTheWorkOrderSaysWhy() throws SQLException {
        clock.set(Shanghai.at("2026-12-28T10:00"));
        String across = Api.registerDispatched("HOUSING");
        clock.set(Shanghai.at("2026-12-14T10:00"));
        String before = Api.registerDispatched("HOUSING");
        clock.set(Shanghai.at("2026-12-29T09:00"));
        Api.as("agent").get("/api/work-orders/" + across).then()
                .body("replyClock.deadline", equalTo("2027-01-04T10:00:00+08:00"));

        put("admin", "2027", YEAR_2027).statusCode(200)
                .body("deadlines.moved", hasItem(across))
                .body("deadlines.moved", not(hasItem(before)))
                .body("deadlines.unmatched", not(hasItems(across, before)));
        Api.as("housing").get("/api/work-orders/" + across).then()
                .body("replyClock.deadline", equalTo("2027-01-05T10:00:00+08:00"))
                .body("acceptClock.deadline", equalTo("2026-12-29T10:00:00+08:00"))
                .body("history.find { it.type == 'DEADLINES_RECALCULATED' }.comment",
                        equalTo("2027 年节假日安排已调整，截止时间按新安排重算；回复截止 2027-01-04 10:00 → 2027-01-05 10:00"))
                .body("history.find { it.type == 'DEADLINES_RECALCULATED' }.actor", equalTo("admin"));
        assertThat(watchedReplyDeadline(across)).as("supervision watches the new deadline")
                .isEqualTo(Shanghai.at("2027-01-05T10:00"));
        Api.as("agent").get("/api/work-orders/" + before).then()
                .body("replyClock.deadline", equalTo("2026-12-21T10:00:00+08:00"));

        Api.as("admin").delete("/api/calendar/years/2027").then().statusCode(200)
                .body("moved", hasItem(across));
        Api.as("agent").get("/api/work-orders/" + across).then()
                .body("replyClock.deadline", equalTo("2027-01-04T10:00:00+08:00"));
        assertThat(watchedReplyDeadline(across)).isEqualTo(Shanghai.at("2027-01-04T10:00"));
    }

    /** Another instance saved the year: this one reads it on its next refresh. */
    @Test
    void aYearSavedByAnotherInstanceIsPickedUpOnTheNextRefresh() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into holiday_year (year, entries, saved_by, saved_by_name, saved_at) values (2027, ?, ?, ?, ?)")) {
            insert.setString(1, YEAR_2027);
            insert.setString(2, "admin");
            insert.setString(3, "系统管理员");
            insert.setTimestamp(4, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
        assertThat(workingDay("2027-01-01")).as("not read yet").isTrue();
        holidayYears.refresh();
        assertThat(workingDay("2027-01-01")).isFalse();
    }

    private Instant watchedReplyDeadline(String number) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select w.reply_deadline from deadline_watch w join work_order o on o.id = w.work_order_id"
                                + " where o.number = ?")) {
            query.setString(1, number);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getTimestamp(1).toInstant();
            }
        }
    }
}
