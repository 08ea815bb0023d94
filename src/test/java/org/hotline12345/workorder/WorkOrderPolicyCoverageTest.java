package org.hotline12345.workorder;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline12345.support.Api.PASSWORD;
import static org.hotline12345.support.Api.register;
import static org.hotline12345.support.Api.registerDispatched;
import static org.hotline12345.support.Api.registration;
import static org.hotline12345.support.Api.step;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotline12345.support.Api;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.Pages;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The access matrix, walked once for the API and the pages alike: every role (and each part a department can hold)
 * against every step of {@link WorkOrderAction} in every state a work order can be in. The API is the judge: a step
 * it takes must have its control on that user's page of the work order in that state, and a control the page offers
 * must be a step the API takes. Attaching a file counts as a step too.
 */
@QuarkusTest
class WorkOrderPolicyCoverageTest extends DatabaseTest {

    private static final Pattern CONTROL = Pattern.compile("data-action=\"([A-Z_]+)\"");
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    /** The users: one per role, and department staff of the lead, an assisting and an uninvolved department. */
    private static final Map<String, String> PAGES = new LinkedHashMap<>();
    static {
        for (String hotline : List.of("agent", "desk", "desklead", "supervisor", "admin")) {
            PAGES.put(hotline, "/hotline/work-orders/");
        }
        for (String department : List.of("housing", "east", "market")) {
            PAGES.put(department, "/department/work-orders/");
        }
        PAGES.put("editor", "/hotline/work-orders/");
    }

    /** The states a work order can be in, each with how to bring a new one there (lead HOUSING, assisting D-EAST). */
    private static final Map<String, Supplier<String>> STATES = new LinkedHashMap<>();
    static {
        STATES.put("REGISTERED", () -> register(registration()));
        STATES.put("DISPATCHED", () -> registerDispatched("HOUSING", "D-EAST"));
        STATES.put("ACCEPTED", () -> accepted());
        STATES.put("ACCEPTED with an extension asked", () -> {
            String number = accepted();
            step("housing", number, "extension", Map.of("days", 2, "reason", "需现场核查")).statusCode(200);
            return number;
        });
        STATES.put("RETURN_REQUESTED", () -> {
            String number = registerDispatched("HOUSING", "D-EAST");
            step("housing", number, "return", Map.of("reason", "非本单位职责")).statusCode(200);
            return number;
        });
        STATES.put("RETURNED", () -> {
            String number = registerDispatched("HOUSING", "D-EAST");
            step("housing", number, "return", Map.of("reason", "非本单位职责")).statusCode(200);
            step("supervisor", number, "return/approve").statusCode(200);
            return number;
        });
        STATES.put("REPLIED", () -> replied());
        STATES.put("REVIEWED", () -> {
            String number = replied();
            step("supervisor", number, "review/approve").statusCode(200);
            return number;
        });
        STATES.put("CLOSED", () -> {
            String number = replied();
            step("supervisor", number, "review/approve").statusCode(200);
            step("agent", number, "callback", callback()).statusCode(200);
            return number;
        });
    }

    @Test
    void everyStepTheApiTakesHasItsControlAndEveryControlIsAStepTheApiTakes() {
        String primary = register(registration());
        Map<String, String> sessions = new HashMap<>();
        PAGES.keySet().forEach(user -> sessions.put(user, session(user)));
        List<String> mismatches = new ArrayList<>();
        Map<String, Set<String>> allowedByState = new LinkedHashMap<>();
        for (Map.Entry<String, Supplier<String>> state : STATES.entrySet()) {
            String number = state.getValue().get();
            Map<String, Set<String>> offered = new HashMap<>();
            for (String user : PAGES.keySet()) {
                offered.put(user, controls(sessions.get(user), PAGES.get(user) + number));
            }
            Set<String> allowedHere = new LinkedHashSet<>();
            for (String user : PAGES.keySet()) {
                for (String action : steps()) {
                    int status = attempt(user, number, action, primary);
                    boolean taken = status >= 200 && status < 300;
                    assertThat(status).as("%s: %s by %s", state.getKey(), action, user)
                            .isIn(200, 201, 403, 404, 409);
                    if (taken) {
                        allowedHere.add(user + ":" + action);
                        // the step changed the work order: the next tries need a new one in this state
                        number = state.getValue().get();
                    }
                    if (taken != offered.get(user).contains(action)) {
                        mismatches.add(state.getKey() + ": " + user + (taken ? " may " : " may not ") + action
                                + (taken
                                        ? " through the API but the page offers no control"
                                        : " but the page offers it"));
                    }
                }
            }
            allowedByState.put(state.getKey(), allowedHere);
        }
        assertThat(mismatches).isEmpty();
        // the walk proves something only if it found steps to take: the main ones, each by its own party
        assertThat(allowedByState.get("REGISTERED")).contains("agent:DISPATCH", "desk:ANSWER_DIRECTLY",
                "supervisor:MERGE").doesNotContain("admin:DISPATCH", "housing:DISPATCH");
        assertThat(allowedByState.get("DISPATCHED")).contains("housing:ACCEPT", "east:SUBMIT_ASSIST_INPUT",
                "agent:URGE", "supervisor:SUPERVISE").doesNotContain("east:ACCEPT", "agent:SUPERVISE");
        assertThat(allowedByState.get("ACCEPTED")).contains("housing:REPLY", "housing:ATTACH", "agent:ATTACH")
                .doesNotContain("admin:ATTACH", "editor:ATTACH", "east:ATTACH");
        assertThat(allowedByState.get("ACCEPTED with an extension asked"))
                .contains("supervisor:APPROVE_EXTENSION").doesNotContain("admin:APPROVE_EXTENSION");
        assertThat(allowedByState.get("RETURN_REQUESTED")).contains("supervisor:APPROVE_RETURN")
                .doesNotContain("admin:APPROVE_RETURN", "agent:APPROVE_RETURN");
        assertThat(allowedByState.get("RETURNED")).contains("agent:REDISPATCH");
        assertThat(allowedByState.get("REPLIED")).contains("supervisor:APPROVE_REPLY")
                .doesNotContain("admin:APPROVE_REPLY");
        assertThat(allowedByState.get("REVIEWED")).contains("agent:RECORD_CALLBACK", "supervisor:CLOSE")
                .doesNotContain("admin:RECORD_CALLBACK", "agent:CLOSE");
        assertThat(allowedByState.get("CLOSED")).isEmpty();
    }

    /**
     * Every step staff take on the work order's own endpoints, and attaching: not the system's suggestion, not the
     * citizen's rating, and not 差评核实's reopening, which the rating's review takes (PortalBrowserTest).
     */
    private static List<String> steps() {
        List<String> steps = new ArrayList<>();
        for (WorkOrderAction action : WorkOrderAction.values()) {
            WorkOrderPolicy.Party party = WorkOrderPolicy.party(action);
            if (party != WorkOrderPolicy.Party.SYSTEM && party != WorkOrderPolicy.Party.CITIZEN
                    && action != WorkOrderAction.REOPEN_AFTER_RATING) {
                steps.add(action.name());
            }
        }
        steps.add("ATTACH");
        return steps;
    }

    /** Takes the step through the API with a valid body; the status says whether it was taken. */
    private static int attempt(String user, String number, String action, String primary) {
        if (action.equals("ATTACH")) {
            return given().auth().preemptive().basic(user, PASSWORD).contentType("application/octet-stream")
                    .queryParam("name", "现场照片.pdf").body(PDF).post("/api/work-orders/" + number + "/attachments")
                    .then().extract().statusCode();
        }
        WorkOrderAction step = WorkOrderAction.valueOf(action);
        Map<String, Object> body = switch (step) {
            case ANSWER_DIRECTLY -> Map.of("answer", "已当场答复");
            case DISPATCH -> Api.dispatchTo("HOUSING", "D-EAST");
            case REDISPATCH -> Api.dispatchTo("SAMR");
            case REQUEST_RETURN, REJECT_RETURN, REJECT_EXTENSION, REJECT_REPLY, CLOSE -> Map.of("reason", "理由");
            case REQUEST_EXTENSION -> Map.of("days", 2, "reason", "需现场核查");
            case SUBMIT_ASSIST_INPUT -> Map.of("input", "协办意见");
            case REPLY -> Map.of("content", "已办理");
            case RECORD_CALLBACK -> callback();
            case MERGE -> Map.of("primary", primary);
            default -> Map.of();
        };
        return step(user, number, endpoint(step), body).extract().statusCode();
    }

    private static String endpoint(WorkOrderAction action) {
        return switch (action) {
            case ANSWER_DIRECTLY -> "answer";
            case DISPATCH -> "dispatch";
            case REDISPATCH -> "redispatch";
            case ACCEPT -> "accept";
            case REQUEST_RETURN -> "return";
            case APPROVE_RETURN -> "return/approve";
            case REJECT_RETURN -> "return/reject";
            case REQUEST_EXTENSION -> "extension";
            case APPROVE_EXTENSION -> "extension/approve";
            case REJECT_EXTENSION -> "extension/reject";
            case SUBMIT_ASSIST_INPUT -> "assist-input";
            case REPLY -> "reply";
            case APPROVE_REPLY -> "review/approve";
            case REJECT_REPLY -> "review/reject";
            case RECORD_CALLBACK -> "callback";
            case CLOSE -> "close";
            case URGE -> "urge";
            case SUPERVISE -> "supervise";
            case MARK_ENTERPRISE_REQUEST -> "enterprise-request";
            case MERGE -> "merge";
            case SUGGEST_DISPATCH, RATE ->
                throw new IllegalArgumentException("the system's or the citizen's step has no staff endpoint");
            case REOPEN_AFTER_RATING ->
                throw new IllegalArgumentException("差评核实 is decided on the rating's own endpoint");
        };
    }

    /** The steps the user's page of the work order offers; none where the page is not theirs (403, 404). */
    private static Set<String> controls(String session, String page) {
        var response = given().redirects().follow(false).cookie(Pages.SESSION_COOKIE, session).accept("text/html")
                .get(page).then().extract();
        Set<String> controls = new LinkedHashSet<>();
        if (response.statusCode() == 200) {
            Matcher matcher = CONTROL.matcher(response.asString());
            while (matcher.find()) {
                controls.add(matcher.group(1));
            }
        }
        return controls;
    }

    private static String session(String user) {
        return Pages.signIn(user, PASSWORD);
    }

    private static String accepted() {
        String number = registerDispatched("HOUSING", "D-EAST");
        step("housing", number, "accept").statusCode(200);
        return number;
    }

    private static String replied() {
        String number = accepted();
        step("housing", number, "reply", Map.of("content", "已办理完毕")).statusCode(200);
        return number;
    }

    private static Map<String, Object> callback() {
        return Map.of("reached", true, "resolved", true, "satisfaction", "SATISFIED");
    }
}
