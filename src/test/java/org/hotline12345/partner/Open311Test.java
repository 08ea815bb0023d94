package org.hotline12345.partner;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

import java.util.List;
import java.util.Map;

import org.hotline12345.support.Api;
import org.hotline12345.support.DatabaseTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.xml.XmlPath;

/**
 * Open311 GeoReport v2 as the specification's examples show it, in JSON and XML: the services a city opened, a
 * request posted with an api_key, looked up by id, by token and through the list's filters; open until the work
 * order closes, then closed with the approved reply as status_notes.
 */
@QuarkusTest
class Open311Test extends DatabaseTest {

    /** The specification's date format: ISO 8601 with the offset, e.g. 2010-04-14T06:37:38-08:00. */
    private static final String W3C = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d";

    @Test
    void aClientFindsTheServicesPostsARequestAndFollowsItToClosed() {
        PartnerClient client = PartnerClient.register("open311-app", "DEPARTMENT_SYSTEM", null, true, "COMPLAINT");
        Api.as("admin").body(Map.of("description", "小区物业收费、服务质量问题", "group", "住房", "keywords", "物业, 收费"))
                .put("/api/admin/partners/open311/services/010101").then().statusCode(200);

        JsonPath services = given().get("/open311/v2/services.json").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.containsString("application/json")).extract().jsonPath();
        Map<String, Object> service = services.getMap("find { it.service_code == '010101' }");
        assertThat(service).containsOnlyKeys("service_code", "service_name", "description", "metadata", "type",
                "keywords", "group").containsEntry("metadata", false).containsEntry("type", "realtime")
                .containsEntry("group", "住房");
        XmlPath servicesXml = given().get("/open311/v2/services.xml").then().statusCode(200).extract().xmlPath();
        assertThat(servicesXml.getString("services.service.find { it.service_code == '010101' }.keywords"))
                .isEqualTo("物业, 收费");
        given().get("/open311/v2/services/010101.json").then().statusCode(200)
                .body("service_code", equalTo("010101")).body("attributes", hasSize(0));
        assertThat(given().get("/open311/v2/services/010101.xml").then().statusCode(200).extract().asString())
                .contains("<service_definition><service_code>010101</service_code><attributes/></service_definition>");

        JsonPath created = given().formParam("api_key", client.apiKey).formParam("service_code", "010101")
                .formParam("description", "物业公司擅自上调物业费").formParam("address_string", "城东区幸福路 18 号")
                .formParam("lat", "30.27").formParam("long", "120.15").formParam("first_name", "三")
                .formParam("last_name", "张").formParam("phone", "13812345678")
                .post("/open311/v2/requests.json").then().statusCode(201).extract().jsonPath();
        String id = created.getString("[0].service_request_id");
        String token = created.getString("[0].token");
        assertThat(created.getString("[0].service_notice")).isNotBlank();

        given().get("/open311/v2/tokens/" + token + ".json").then().statusCode(200)
                .body("[0].service_request_id", equalTo(id)).body("[0].token", equalTo(token));
        assertThat(given().get("/open311/v2/tokens/" + token + ".xml").then().statusCode(200).extract().asString())
                .contains("<service_requests><request><service_request_id>" + id + "</service_request_id><token>"
                        + token + "</token></request></service_requests>");

        JsonPath open = given().get("/open311/v2/requests/" + id + ".json").then().statusCode(200).extract()
                .jsonPath();
        assertThat(open.getMap("[0]")).containsOnlyKeys("service_request_id", "status", "status_notes",
                "service_name", "service_code", "description", "agency_responsible", "service_notice",
                "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode",
                "lat", "long", "media_url");
        assertThat(open.getString("[0].status")).isEqualTo("open");
        assertThat(open.getString("[0].requested_datetime")).matches(W3C);
        assertThat(open.getFloat("[0].lat")).isEqualTo(30.27f);

        // trusted: registered at once; dispatched, replied, approved and closed, it reads closed with the reply
        Api.step("agent", id, "dispatch", Api.dispatchTo("HOUSING")).statusCode(200);
        Api.step("housing", id, "accept").statusCode(200);
        Api.step("housing", id, "reply", Map.of("content", "已责令物业公司停止上调。")).statusCode(200);
        Api.step("supervisor", id, "review/approve").statusCode(200);
        Api.step("supervisor", id, "close", Map.of("reason", "已答复")).statusCode(200);
        XmlPath closed = given().get("/open311/v2/requests/" + id + ".xml").then().statusCode(200).extract()
                .xmlPath();
        assertThat(closed.getString("service_requests.request.status")).isEqualTo("closed");
        assertThat(closed.getString("service_requests.request.status_notes")).isEqualTo("已责令物业公司停止上调。");
        assertThat(closed.getString("service_requests.request.agency_responsible")).isEqualTo("市住建局");
        assertThat(closed.getString("service_requests.request.updated_datetime")).matches(W3C);

        given().queryParam("service_request_id", id + ",nope").get("/open311/v2/requests.json").then()
                .statusCode(200).body("service_request_id", equalTo(List.of(id)));
        given().queryParam("status", "closed").queryParam("service_code", "010101").get("/open311/v2/requests.json")
                .then().statusCode(200).body("service_request_id", org.hamcrest.Matchers.hasItem(id));
        given().queryParam("status", "open").get("/open311/v2/requests.json").then().statusCode(200)
                .body("service_request_id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(id)));
        given().queryParam("start_date", "2000-01-01T00:00:00+08:00").queryParam("end_date", "2000-01-02T00:00:00Z")
                .get("/open311/v2/requests.json").then().statusCode(200).body("$", hasSize(0));
        given().queryParam("start_date", "yesterday").get("/open311/v2/requests.json").then().statusCode(400)
                .body("[0].code", equalTo(400)).body("[0].description", matchesPattern(".*start_date.*"));
    }

    @Test
    void errorsComeAsTheSpecificationsErrorDocument() {
        given().formParam("api_key", "pk_wrong").formParam("service_code", "010101").formParam("description", "x")
                .post("/open311/v2/requests.json").then().statusCode(401).body("[0].code", equalTo(401));
        assertThat(given().formParam("service_code", "010101").post("/open311/v2/requests.xml").then()
                .statusCode(401).extract().asString()).contains("<errors><error><code>401</code><description>");
        given().get("/open311/v2/requests/none.json").then().statusCode(404).body("[0].code", equalTo(404));
        given().get("/open311/v2/services/999999.json").then().statusCode(404);
    }
}
