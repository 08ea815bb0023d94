package org.hotline12345.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hotline12345.support.Api.as;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.hotline12345.support.Api;
import org.hotline12345.support.DatabaseTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A caller's work orders found by phone (however written), by the beginning of the name, or by any part of the place,
 * each through an index; department staff still see only their department's.
 */
@QuarkusTest
class WorkOrderCallerSearchTest extends DatabaseTest {

    @Inject
    DataSource dataSource;

    @SuppressWarnings("unchecked")
    private static String register(String phone, String name, String street, String address, String lead) {
        Map<String, Object> body = Api.registration();
        ((Map<String, Object>) body.get("citizen")).put("phone", phone);
        ((Map<String, Object>) body.get("citizen")).put("name", name);
        Map<String, Object> location = new HashMap<>((Map<String, Object>) body.get("location"));
        location.put("street", street);
        location.put("address", address);
        body.put("location", location);
        body.put("autoDispatch", false);
        if (lead != null) {
            body.put("dispatch", Api.dispatchTo(lead));
        }
        return Api.register(body);
    }

    @Test
    void findsTheCallersWorkOrdersByPhoneNameOrPlace() {
        String digits = String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String phone = "137" + digits;
        String surname = "欧阳" + digits.substring(0, 4);
        String road = "银杏" + digits + "路";
        String first = register(phone, surname + "明", "东门街道", road + " 3 号", "HOUSING");
        String second = register(phone, surname + "明", "和平街道", "梧桐巷 5 号", null);
        String other = register("136" + digits, surname + "华", "东门街道", road + " 9 号", null);

        as("agent").queryParam("phone", "+86 137-" + digits.substring(0, 4) + "-" + digits.substring(4))
                .get("/api/work-orders").then().statusCode(200).body("items.number", contains(second, first));
        as("agent").queryParam("citizen", surname).get("/api/work-orders").then()
                .body("items.number", containsInAnyOrder(first, second, other));
        as("agent").queryParam("citizen", surname + "华").get("/api/work-orders").then()
                .body("items.number", contains(other));
        as("agent").queryParam("address", road).get("/api/work-orders").then()
                .body("items.number", containsInAnyOrder(first, other));
        // district, street and address read as one place
        as("agent").queryParam("address", "和平街道 梧桐巷").get("/api/work-orders").then()
                .body("items.number", contains(second));
        as("agent").queryParam("address", road).queryParam("phone", phone).get("/api/work-orders").then()
                .body("items.number", contains(first));
        // a like pattern's wildcards are plain characters here
        as("agent").queryParam("citizen", "%").get("/api/work-orders").then().body("items", empty());
        // the department sees the caller's work order it holds, not the others
        as("housing").queryParam("phone", phone).get("/api/work-orders").then()
                .body("items.number", contains(first));
    }

    @Test
    void eachCallerCriterionHasItsIndex() throws SQLException {
        assertThat(plan("select id from work_order where phone_key(citizen_phone) = phone_key('13712345678')"))
                .contains("work_order_citizen_phone");
        assertThat(plan("select id from work_order where citizen_name like '欧阳%'"))
                .contains("work_order_citizen_name");
        assertThat(plan("select id from work_order where work_order_place(district, street, address) like '%银杏路%'"))
                .contains("work_order_place_trgm");
        // as Hibernate writes the search's condition
        assertThat(plan("select id from work_order where cast(work_order_place(district, street, address) as varchar)"
                + " like '%银杏路%'")).contains("work_order_place_trgm");
    }

    /** The plan PostgreSQL chooses when it may not read the whole table, so that an unusable index shows. */
    private String plan(String query) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("set local enable_seqscan = off");
            StringBuilder plan = new StringBuilder();
            try (ResultSet rows = statement.executeQuery("explain " + query)) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            connection.rollback();
            return plan.toString();
        }
    }
}
