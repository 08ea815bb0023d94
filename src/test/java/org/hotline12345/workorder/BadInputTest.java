package org.hotline12345.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hotline12345.support.Api.as;
import static org.hotline12345.support.Api.registerDispatched;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.hotline12345.support.Api;
import org.hotline12345.support.DatabaseTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Hundreds of malformed requests, each a valid one with one or two values replaced by something wrong: the answer is
 * always a success or a 4xx problem document, never a 500.
 */
@QuarkusTest
class BadInputTest extends DatabaseTest {

    private static final List<Object> WRONG_VALUES = List.of("", " ", "\u0000", "𠀀𠀁", "x".repeat(20_000), 0, -1,
            Long.MAX_VALUE, 3.14, true, List.of(), List.of("a"), Map.of(), Map.of("x", 1), "2026-13-45", "DROP TABLE",
            "%_\\'\"");

    @Test
    void registrationNeverFailsWith500() {
        Random random = new Random(12345);
        List<String[]> paths = List.of(new String[]{"channel"}, new String[]{"requestType"},
                new String[]{"citizen"}, new String[]{"citizen", "name"}, new String[]{"citizen", "phone"},
                new String[]{"citizen", "occupation"}, new String[]{"citizen", "confidential"},
                new String[]{"enterprise"}, new String[]{"title"}, new String[]{"content"},
                new String[]{"location"}, new String[]{"location", "district"}, new String[]{"categoryCode"},
                new String[]{"urgency"}, new String[]{"simple"}, new String[]{"dispatch"},
                new String[]{"dispatch", "leadDepartmentCode"}, new String[]{"dispatch", "assistingDepartmentCodes"});
        for (int i = 0; i < 300; i++) {
            Map<String, Object> body = Api.registration();
            body.put("dispatch", new HashMap<>(Api.dispatchTo("HOUSING")));
            for (int change = 0; change <= random.nextInt(2); change++) {
                set(body, paths.get(random.nextInt(paths.size())),
                        WRONG_VALUES.get(random.nextInt(WRONG_VALUES.size())));
            }
            assertAnsweredWell(as("agent").body(body).post("/api/work-orders"), body);
        }
    }

    @Test
    void lifecycleStepsNeverFailWith500() {
        Random random = new Random(54321);
        String number = registerDispatched("HOUSING");
        List<String> steps = List.of("accept", "return", "extension", "reply", "assist-input");
        List<String> fields = List.of("comment", "reason", "days", "content", "input");
        for (int i = 0; i < 100; i++) {
            Map<String, Object> body = new HashMap<>();
            body.put(fields.get(random.nextInt(fields.size())), WRONG_VALUES.get(random.nextInt(WRONG_VALUES.size())));
            assertAnsweredWell(as("housing").body(body)
                    .post("/api/work-orders/" + number + "/" + steps.get(random.nextInt(steps.size()))), body);
        }
        for (String raw : new String[]{"", "null", "[]", "\"text\"", "{", "{\"reason\":", "1e999"}) {
            Response response = as("housing").body(raw).post("/api/work-orders/" + number + "/return");
            assertAnsweredWell(response, raw);
        }
    }

    @Test
    void controlCharactersAreRefusedWhereverTheyArrive() {
        Map<String, Object> body = Api.registration();
        body.put("title", "标题\u0000");
        as("agent").body(body).post("/api/work-orders").then().statusCode(400)
                .body("violations[0].field", equalTo("title"))
                .body("violations[0].rule", equalTo("text"));
        as("agent").queryParam("q", "a\u0000b").get("/api/work-orders").then().statusCode(400)
                .body("violations[0].field", equalTo("q"));
        as("agent").urlEncodingEnabled(false).get("/api/work-orders/2026%00").then().statusCode(400)
                .body("violations[0].field", equalTo("number"));
        body.put("title", "多行\n标题\t可以");
        as("agent").body(body).post("/api/work-orders").then().statusCode(201);
    }

    private static void assertAnsweredWell(Response response, Object body) {
        assertThat(response.statusCode()).as("answer to %s", body).isIn(200, 201, 400, 403, 409, 422);
        if (response.statusCode() >= 400) {
            assertThat(response.contentType()).as("answer to %s", body).startsWith("application/problem+json");
        }
    }

    @SuppressWarnings("unchecked")
    private static void set(Map<String, Object> body, String[] path, Object value) {
        Map<String, Object> target = body;
        for (int i = 0; i < path.length - 1; i++) {
            Object next = target.get(path[i]);
            if (!(next instanceof Map)) {
                return;
            }
            Map<String, Object> copy = new HashMap<>((Map<String, Object>) next);
            target.put(path[i], copy);
            target = copy;
        }
        target.put(path[path.length - 1], value instanceof List<?> list ? new ArrayList<>(list) : value);
    }
}
