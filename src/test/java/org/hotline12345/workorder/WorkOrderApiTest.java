package org.hotline12345.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hotline12345.support.Api.as;
import static org.hotline12345.support.Api.dispatchTo;
import static org.hotline12345.support.Api.registerDispatched;
import static org.hotline12345.support.Api.registration;
import static org.hotline12345.support.Api.step;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.hotline12345.support.Api;
import org.hotline12345.support.DatabaseTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** Every branch of the lifecycle through the HTTP API, as the roles that do each step. */
@QuarkusTest
class WorkOrderApiTest extends DatabaseTest {

    @Test
    void fromIntakeToCloseWithTheWholeHistory() {
        var registered = as("agent").body(withDispatch("HOUSING")).post("/api/work-orders").then().statusCode(201)
                .body("number", matchesPattern("\\d{8}-\\d{6}"))
                .body("status", equalTo("DISPATCHED"))
                .body("leadDepartment.code", equalTo("HOUSING"))
                .body("category.path", equalTo("城乡建设 / 物业管理 / 物业服务收费"))
                .body("acceptClock.limit", equalTo("1wd"))
                .body("replyClock.limit", equalTo("5wd"))
                .extract();
        String number = registered.path("number");
        assertThat(registered.header("Location")).endsWith("/api/work-orders/" + number);

        step("housing", number, "accept").statusCode(200).body("status", equalTo("ACCEPTED"));
        step("housing", number, "reply", Map.of("content", "已约谈物业公司，物业费恢复原标准。")).statusCode(200)
                .body("status", equalTo("REPLIED")).body("replyClock.stoppedAt", notNullValue());
        step("supervisor", number, "review/approve").statusCode(200).body("status", equalTo("REVIEWED"));
        step("agent", number, "callback",
                Map.of("reached", true, "resolved", true, "satisfaction", "SATISFIED", "comment", "市民满意"))
                .statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("closure", equalTo("CALLBACK_COMPLETED"))
                .body("callback.satisfaction", equalTo("SATISFIED"));

        as("agent").get("/api/work-orders/" + number + "/history").then().statusCode(200)
                .body("type", contains("REGISTERED", "DISPATCHED", "ACCEPTED", "REPLIED", "REPLY_APPROVED",
                        "CALLBACK_RECORDED"))
                .body("actor", contains("agent", "agent", "housing", "housing", "supervisor", "agent"))
                .body("actorRole", contains("AGENT", "AGENT", "DEPARTMENT_STAFF", "DEPARTMENT_STAFF", "SUPERVISOR",
                        "AGENT"))
                .body("[2].actorDepartment.code", equalTo("HOUSING"))
                .body("[1].details.leadDepartment", equalTo("HOUSING"))
                .body("[5].comment", equalTo("市民满意"))
                .body("[5].toStatus", equalTo("CLOSED"));
    }

    @Test
    void answeredOnTheCallClosesAtOnce() {
        String number = Api.register(registration());
        step("agent", number, "answer", Map.of("answer", "按知识库《物业收费管理办法》当场解答")).statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("closure", equalTo("ANSWERED_DIRECTLY"))
                .body("directAnswer", equalTo("按知识库《物业收费管理办法》当场解答"))
                .body("replyClock", nullValue());
        step("agent", number, "dispatch", dispatchTo("HOUSING")).statusCode(409);
    }

    @Test
    void anAnswerOnTheCallNamesOnlyAPublishedArticle() {
        String number = Api.register(registration());
        step("agent", number, "answer", Map.of("answer", "当场解答", "articleSlug", "no-such-article")).statusCode(422)
                .body("violations[0].field", equalTo("articleSlug"));
        step("agent", number, "answer", Map.of("answer", "当场解答")).statusCode(200)
                .body("history.find { it.type == 'ANSWERED_DIRECTLY' }.details.article", nullValue());
    }

    @Test
    void registeredThenDispatchedSeparately() {
        String number = Api.register(registration());
        as("agent").get("/api/work-orders/" + number).then().body("status", equalTo("REGISTERED"))
                .body("acceptClock", nullValue());
        step("agent", number, "dispatch", dispatchTo("HOUSING")).statusCode(200).body("status", equalTo("DISPATCHED"))
                .body("acceptClock.deadline", notNullValue());
    }

    @Test
    void anApprovedReturnIsReDispatchedToAnotherDepartment() {
        String number = registerDispatched("HOUSING");
        step("housing", number, "return", Map.of("reason", "属于市场监管职责")).statusCode(200)
                .body("status", equalTo("RETURN_REQUESTED"))
                .body("returnReason", equalTo("属于市场监管职责"))
                .body("replyClock.paused", equalTo(true));
        step("supervisor", number, "return/approve").statusCode(200).body("status", equalTo("RETURNED"))
                .body("leadDepartment", nullValue());
        step("agent", number, "redispatch", dispatchTo("HOUSING")).statusCode(422)
                .body("violations[0].field", equalTo("leadDepartment"));
        step("agent", number, "redispatch", dispatchTo("SAMR")).statusCode(200)
                .body("status", equalTo("DISPATCHED"))
                .body("leadDepartment.code", equalTo("SAMR"));
        step("market", number, "accept").statusCode(200);
        step("housing", number, "accept").statusCode(403);
        as("housing").get("/api/work-orders/" + number).then().statusCode(200)
                .body("assignments.find { it.department.code == 'HOUSING' }.endReason", equalTo("RETURNED"));
    }

    @Test
    void aRejectedReturnGoesBackToTheDepartment() {
        String number = registerDispatched("HOUSING");
        step("housing", number, "accept").statusCode(200);
        step("housing", number, "return", Map.of("reason", "非本单位职责")).statusCode(200);
        step("supervisor", number, "return/reject", Map.of("reason", "物业收费属住建部门监管")).statusCode(200)
                .body("status", equalTo("ACCEPTED"))
                .body("leadDepartment.code", equalTo("HOUSING"))
                .body("replyClock.paused", equalTo(false));
        step("housing", number, "reply", Map.of("content", "已处理")).statusCode(200);
    }

    @Test
    void extensionsAreApprovedOrRejectedBySupervisors() {
        String number = registerDispatched("HOUSING");
        step("housing", number, "accept").statusCode(200);
        String before = as("housing").get("/api/work-orders/" + number).then().extract().path("replyClock.deadline");
        step("housing", number, "extension", Map.of("days", 3, "reason", "需协调多个部门现场勘查")).statusCode(200)
                .body("pendingExtension.days", equalTo(3));
        step("housing", number, "extension", Map.of("days", 2, "reason", "再次申请")).statusCode(409);
        String after = step("supervisor", number, "extension/approve").statusCode(200)
                .body("pendingExtension", nullValue())
                .extract().path("replyClock.deadline");
        assertThat(after).isNotEqualTo(before);

        step("housing", number, "extension", Map.of("days", 5, "reason", "仍需时间")).statusCode(200);
        step("supervisor", number, "extension/reject", Map.of("reason", "时限已延长过")).statusCode(200)
                .body("replyClock.deadline", equalTo(after));
        step("supervisor", number, "extension/approve").statusCode(409);
    }

    @Test
    void aFailedReviewAndADissatisfiedCallbackBothReopen() {
        String number = registerDispatched("HOUSING");
        step("housing", number, "accept").statusCode(200);
        step("housing", number, "reply", Map.of("content", "已转告物业")).statusCode(200);
        step("supervisor", number, "review/reject", Map.of("reason", "答复未说明处理结果")).statusCode(200)
                .body("status", equalTo("DISPATCHED"))
                .body("reopenCount", equalTo(1))
                .body("leadDepartment.code", equalTo("HOUSING"));
        step("housing", number, "accept").statusCode(200);
        step("housing", number, "reply", Map.of("content", "物业费已恢复原标准")).statusCode(200);
        step("supervisor", number, "review/approve").statusCode(200);
        step("agent", number, "callback",
                Map.of("reached", true, "resolved", false, "satisfaction", "DISSATISFIED", "comment", "仍在多收"))
                .statusCode(200)
                .body("status", equalTo("DISPATCHED"))
                .body("reopenCount", equalTo(2));
        as("agent").get("/api/work-orders/" + number + "/history").then()
                .body("type", hasItems("REPLY_REJECTED", "CALLBACK_RECORDED"));
    }

    @Test
    void anUnreachedCitizenIsClosedByASupervisor() {
        String number = repliedAndReviewed();
        step("agent", number, "callback", Map.of("reached", false, "comment", "无人接听")).statusCode(200)
                .body("status", equalTo("REVIEWED"))
                .body("callback.attempts", equalTo(1));
        step("agent", number, "close", Map.of("reason", "三次回访未接通")).statusCode(403);
        step("supervisor", number, "close", Map.of("reason", "三次回访未接通")).statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("closure", equalTo("CLOSED_WITHOUT_CALLBACK"));
    }

    @Test
    void jointHandlingTheLeadRepliesAssistingDepartmentsAddInput() {
        String number = registerDispatched("HOUSING", "SAMR", "D-EAST");
        step("market", number, "accept").statusCode(403);
        step("market", number, "assist-input", Map.of("input", "经查该物业公司收费未备案")).statusCode(200);
        step("east", number, "assist-input", Map.of("input", "街道已组织业主协商")).statusCode(200);
        step("housing", number, "assist-input", Map.of("input", "主办不能提交协办意见")).statusCode(403);
        step("housing", number, "accept").statusCode(200);
        step("market", number, "reply", Map.of("content", "协办不能回复")).statusCode(403);
        step("housing", number, "reply", Map.of("content", "综合各方意见已处理")).statusCode(200);
        as("supervisor").get("/api/work-orders/" + number).then()
                .body("assignments", hasSize(3))
                .body("assignments.find { it.department.code == 'SAMR' }.input", equalTo("经查该物业公司收费未备案"))
                .body("assignments.find { it.department.code == 'D-EAST' }.role", equalTo("ASSISTING"));
    }

    @Test
    void urgeAndSuperviseAddEventsOnly() {
        String number = registerDispatched("HOUSING");
        step("agent", number, "urge", Map.of("comment", "市民再次来电催促")).statusCode(200)
                .body("status", equalTo("DISPATCHED"));
        step("agent", number, "supervise", Map.of("comment", "督办")).statusCode(403);
        step("supervisor", number, "supervise", Map.of("comment", "列入督办")).statusCode(200)
                .body("status", equalTo("DISPATCHED"));
        as("agent").get("/api/work-orders/" + number + "/history").then()
                .body("type", contains("REGISTERED", "DISPATCHED", "URGED", "SUPERVISED"));
    }

    @Test
    void aDuplicateIsMergedIntoThePrimary() {
        String primary = registerDispatched("HOUSING");
        String duplicate = Api.register(registration());
        step("agent", duplicate, "merge", Map.of("primary", primary, "comment", "同一小区同一诉求")).statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("closure", equalTo("MERGED"))
                .body("mergedInto", equalTo(primary));
        as("agent").get("/api/work-orders/" + primary + "/history").then()
                .body("type", hasItems("DUPLICATE_MERGED"))
                .body("find { it.type == 'DUPLICATE_MERGED' }.details.duplicate", equalTo(duplicate));
        step("agent", Api.register(registration()), "merge", Map.of("primary", "20990101-000001")).statusCode(422)
                .body("violations[0].field", equalTo("primary"));
    }

    @Test
    void aRefusedTransitionNamesTheCurrentAndRequiredStates() {
        String number = registerDispatched("HOUSING");
        step("housing", number, "reply", Map.of("content", "未签收先回复")).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:hotline12345:problem:invalid-state"))
                .body("currentStatus", equalTo("DISPATCHED"))
                .body("requiredStatus", equalTo(List.of("ACCEPTED")))
                .body("action", equalTo("REPLY"))
                .body("detail", equalTo("工单 " + number + " 当前为“已派单”，“回复”只能在“已签收”时办理"));
        step("supervisor", number, "review/approve").statusCode(409)
                .body("requiredStatus", equalTo(List.of("REPLIED")));
        step("housing", number, "accept").statusCode(200);
        step("housing", number, "accept").statusCode(409).body("currentStatus", equalTo("ACCEPTED"));
    }

    @Test
    void stepsWithAnOptionalCommentAcceptABarePost() throws Exception {
        String number = registerDispatched("HOUSING");
        // as curl -X POST sends it: no body, no content type
        HttpRequest bare = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                + "/api/work-orders/" + number + "/accept"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("housing:" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(bare, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"ACCEPTED\"");
        step("housing", number, "reply", Map.of("content", "已处理")).statusCode(200);
        step("supervisor", number, "review/approve", Map.of("comment", "答复规范")).statusCode(200);
        as("agent").get("/api/work-orders/" + number + "/history").then()
                .body("find { it.type == 'REPLY_APPROVED' }.comment", equalTo("答复规范"));
    }

    @Test
    void unknownWorkOrdersAre404() {
        as("agent").get("/api/work-orders/20990101-000001").then().statusCode(404)
                .contentType("application/problem+json");
        step("supervisor", "20990101-000001", "review/approve").statusCode(404);
    }

    private String repliedAndReviewed() {
        String number = registerDispatched("HOUSING");
        step("housing", number, "accept").statusCode(200);
        step("housing", number, "reply", Map.of("content", "已处理")).statusCode(200);
        step("supervisor", number, "review/approve").statusCode(200);
        return number;
    }

    private static Map<String, Object> withDispatch(String lead) {
        Map<String, Object> body = registration();
        body.put("dispatch", dispatchTo(lead));
        return body;
    }
}
