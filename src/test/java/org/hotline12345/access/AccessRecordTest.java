package org.hotline12345.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.hotline12345.support.Api.as;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.hotline12345.common.Problem;
import org.hotline12345.common.Workbooks;
import org.hotline12345.support.Api;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.Excel;
import org.hotline12345.support.Pages;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * 个人信息查阅记录: every showing of a work order's citizen details, through the API, the pages and their exports, is
 * recorded with who, which role, when and where; supervisors and administrators ask who saw a citizen or a work order
 * and what a user read; nobody changes the record.
 */
@QuarkusTest
class AccessRecordTest extends DatabaseTest {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    @Inject
    AccessRecorder recorder;

    @Inject
    AccessRecordConfig config;

    @Inject
    DataSource dataSource;

    @Test
    void everyShowingOfACitizenIsRecordedWithWhoWhenAndWhere() {
        String phone = "139" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        String number = registerConfidential(phone);
        as("agent").get("/api/work-orders/" + number).then().statusCode(200);
        as("housing").get("/api/work-orders/" + number).then().statusCode(200).body("citizen.masked", equalTo(true));
        Pages.as("housing").get("/department/work-orders/" + number).then().statusCode(200);
        as("housing").queryParam("q", number).get("/api/work-orders").then().statusCode(200)
                .body("items[0].citizenName", equalTo("张*"));
        // the pages' lists do not show the citizen, so they do not get it and record nothing
        Pages.as("housing").queryParam("q", number).get("/department").then().statusCode(200);
        recorder.flush();

        JsonPath reads = as("supervisor").queryParam("workOrder", number).get("/api/access-record/reads").then()
                .statusCode(200).extract().jsonPath();
        assertThat(reads.getList("items.endpoint", String.class)).containsExactly(
                "GET /api/work-orders", "GET /department/work-orders/" + number,
                "GET /api/work-orders/" + number, "GET /api/work-orders/" + number, "POST /api/work-orders");
        assertThat(reads.getList("items.username", String.class)).containsExactly("housing", "housing", "housing",
                "agent", "agent");
        assertThat(reads.getList("items.role", String.class)).containsExactly("DEPARTMENT_STAFF",
                "DEPARTMENT_STAFF", "DEPARTMENT_STAFF", "AGENT", "AGENT");
        assertThat(reads.getList("items.channel", String.class)).containsExactly("API", "PAGE", "API", "API", "API");
        assertThat(reads.getList("items.masked", Boolean.class)).containsExactly(true, true, true, false, false);
        assertThat(reads.getString("items[0].at")).startsWith(LocalDate.now(CITY).toString());

        // who saw this citizen: by the phone as any caller ID writes it
        String dialled = "+86 " + phone.substring(0, 3) + "-" + phone.substring(3, 7) + "-" + phone.substring(7);
        as("admin").queryParam("phone", dialled).get("/api/access-record/reads").then().statusCode(200)
                .body("total", equalTo(5));
        // what this user read, in a period
        String today = LocalDate.now(CITY).toString();
        as("supervisor").queryParam("user", "agent").queryParam("phone", phone).queryParam("from", today)
                .queryParam("to", today).get("/api/access-record/reads").then().body("total", equalTo(2));
        as("supervisor").queryParam("phone", phone).queryParam("from", LocalDate.now(CITY).plusDays(1).toString())
                .get("/api/access-record/reads").then().body("total", equalTo(0));
        as("supervisor").queryParam("phone", "13000000000").get("/api/access-record/reads").then()
                .body("total", equalTo(0));

        List<List<String>> rows = Excel
                .rows(as("supervisor").accept(Workbooks.MEDIA_TYPE).queryParam("workOrder", number)
                        .get("/api/access-record/reads.xlsx").then().statusCode(200).extract().asByteArray());
        assertThat(rows.get(0)).containsExactly("查阅时间", "查阅人", "角色", "工单编号", "是否脱敏", "途径", "页面或接口");
        assertThat(rows).hasSize(6);
        assertThat(rows.get(2)).contains("housing", "承办单位", number, "是", "页面", "GET /department/work-orders/" + number);
    }

    @Test
    void onlySupervisorsAndAdministratorsReadTheRecord() {
        for (String user : new String[]{"agent", "housing", "desk", "editor"}) {
            as(user).get("/api/access-record/reads").then().statusCode(403)
                    .contentType(startsWith(Problem.MEDIA_TYPE));
            Pages.as(user).get("/supervisor/access-record").then().statusCode(403);
        }
        as("admin").get("/api/access-record/reads").then().statusCode(200);
        as("supervisor").queryParam("from", "2026-12-07").queryParam("to", "2026-12-01")
                .get("/api/access-record/reads").then().statusCode(400)
                .body("violations[0].field", equalTo("to"));
    }

    @Test
    void nobodyChangesTheRecord() throws SQLException {
        String number = Api.registerDispatched("HOUSING");
        recorder.flush();
        for (String statement : new String[]{
                "update personal_data_read set username = 'nobody' where work_order_number = ?",
                "delete from personal_data_read where work_order_number = ?"}) {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement change = connection.prepareStatement(statement)) {
                change.setString(1, number);
                assertThatThrownBy(change::executeUpdate).hasMessageContaining("append-only");
            }
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement truncate = connection.prepareStatement("truncate personal_data_read")) {
            assertThatThrownBy(truncate::executeUpdate).hasMessageContaining("append-only");
        }
        assertThat(count("select count(*) from personal_data_read where work_order_number = '" + number + "'"))
                .isEqualTo(1);
    }

    @Test
    void readsStillBufferedAtShutdownAreWrittenBeforeTheDatabaseGoes() throws SQLException {
        AccessRecorder stopping = new AccessRecorder();
        stopping.dataSource = dataSource;
        stopping.config = config;
        stopping.start(null);
        String reader = "shutdown-" + System.nanoTime() % 1_000_000;
        for (int i = 0; i < 2_000; i++) {
            stopping.add(new PersonalDataRead(Instant.now(), reader, "AGENT", "20261207-" + i, false,
                    AccessChannel.API, "GET /api/work-orders"));
        }
        stopping.stop(null);
        assertThat(count("select count(*) from personal_data_read where username = '" + reader + "'"))
                .isEqualTo(2_000);
    }

    @Test
    void aReadTheDatabaseRefusesDoesNotBlockTheOthers() throws SQLException {
        AccessRecorder recorder = new AccessRecorder();
        recorder.dataSource = dataSource;
        recorder.config = config;
        recorder.start(null);
        String reader = "refused-" + System.nanoTime() % 1_000_000;
        recorder.add(new PersonalDataRead(Instant.now(), reader, "AGENT", "20261207-000001", false,
                AccessChannel.API, "GET /api/work-orders/20261207-000001"));
        recorder.add(new PersonalDataRead(Instant.now(), reader, "AGENT", "x".repeat(21), false, AccessChannel.API,
                "GET /api/work-orders"));
        recorder.add(new PersonalDataRead(Instant.now(), reader, "AGENT", "20261207-000002", false,
                AccessChannel.API, "GET /api/work-orders/20261207-000002"));
        recorder.stop(null);
        assertThat(count("select count(*) from personal_data_read where username = '" + reader + "'"))
                .isEqualTo(2);
    }

    private String registerConfidential(String phone) {
        Map<String, Object> body = Api.registration();
        Map<String, Object> citizen = new HashMap<>();
        citizen.put("name", "张三");
        citizen.put("phone", phone);
        citizen.put("confidential", true);
        body.put("citizen", citizen);
        body.put("dispatch", Api.dispatchTo("HOUSING"));
        return Api.register(body);
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql);
                ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
