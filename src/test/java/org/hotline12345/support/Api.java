package org.hotline12345.support;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Calls the API as one of the demo users the first-run data creates. */
public final class Api {

    public static final String PASSWORD = "demo12345";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Api() {
    }

    /** A request signed in as {@code username} (agent, housing, market, east, desk, supervisor, admin). */
    public static RequestSpecification as(String username) {
        return given().auth().preemptive().basic(username, PASSWORD).contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    /** A valid registration body; callers adjust what their test is about. */
    public static Map<String, Object> registration() {
        Map<String, Object> citizen = new HashMap<>();
        citizen.put("name", "张三");
        citizen.put("phone", "13812345678");
        citizen.put("occupation", "ENTERPRISE_EMPLOYEE");
        Map<String, Object> location = new HashMap<>();
        location.put("district", "城东区");
        location.put("street", "东门街道");
        location.put("address", "幸福路 18 号");
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "PHONE");
        body.put("requestType", "COMPLAINT");
        body.put("citizen", citizen);
        body.put("title", "小区物业乱收费 " + SEQUENCE.incrementAndGet());
        body.put("content", "物业公司未经业主大会同意上调物业费，请相关部门核查。");
        body.put("location", location);
        body.put("categoryCode", "010101");
        return body;
    }

    public static Map<String, Object> dispatchTo(String lead, String... assisting) {
        Map<String, Object> dispatch = new HashMap<>();
        dispatch.put("leadDepartmentCode", lead);
        dispatch.put("assistingDepartmentCodes", new ArrayList<>(List.of(assisting)));
        return dispatch;
    }

    /** Registers a work order as the agent and returns its number. */
    public static String register(Map<String, Object> body) {
        return as("agent").body(body).post("/api/work-orders").then().statusCode(201).extract().path("number");
    }

    /** Registers and dispatches to {@code lead} in one step; returns the number. */
    public static String registerDispatched(String lead, String... assisting) {
        Map<String, Object> body = registration();
        body.put("dispatch", dispatchTo(lead, assisting));
        return register(body);
    }

    /** POSTs a lifecycle step: {@code step} is the path after the number, e.g. {@code accept}. */
    public static ValidatableResponse step(String username, String number, String step, Map<String, ?> body) {
        return as(username).body(body).post("/api/work-orders/" + number + "/" + step).then();
    }

    public static ValidatableResponse step(String username, String number, String step) {
        return step(username, number, step, Map.of());
    }
}
