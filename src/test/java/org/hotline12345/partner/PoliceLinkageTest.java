package org.hotline12345.partner;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.hotline12345.intake.IntakeService;
import org.hotline12345.security.Actor;
import org.hotline12345.support.Api;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.user.Role;
import org.hotline12345.workorder.RequestType;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * 12345 and 110 exchange a work order each way (工单警单双向流转): a police-relevant work order goes to 110 as a 警单
 * with the citizen and the place, 110 reports its 受理 and result onto the work order's history and hears the
 * hotline's 办结; 110 sends a 非警务诉求 in, which waits in 待受理, and hears the hotline's 受理.
 */
@QuarkusTest
class PoliceLinkageTest extends DatabaseTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    IntakeService intake;

    @Test
    void the110AndTheHotlineExchangeAWorkOrderEachWay() throws Exception {
        try (PartnerReceiver receiver = new PartnerReceiver("/jjpt/events")) {
            PartnerClient police = PartnerClient.register("police-110", "POLICE_110", receiver.url(), false, "HELP",
                    "COMPLAINT");
            receiver.secret(police.secret);

            Map<String, Object> body = Api.registration();
            body.put("requestType", "REPORT");
            body.put("title", "邻居深夜持刀争吵，危及人身安全");
            String number = Api.register(body);
            Api.as("agent").body(Map.of("partnerCode", "police-110", "note", "涉及人身安全，已转接 110"))
                    .post("/api/work-order-handovers/" + number).then().statusCode(204);
            Api.as("agent").body(Map.of("partnerCode", "police-110")).post("/api/work-order-handovers/" + number)
                    .then().statusCode(409);
            await("the 警单 delivered").atMost(ofSeconds(20)).until(() -> receiver.taken(number).size() == 1);
            JsonNode handover = receiver.taken(number).get(0).event();
            assertThat(handover.path("type").asText()).isEqualTo("HANDED_OVER");
            assertThat(handover.path("data").path("kind").asText()).isEqualTo("警单");
            assertThat(handover.path("data").path("citizen").path("phone").asText()).isEqualTo("13812345678");
            assertThat(handover.path("data").path("location").path("district").asText()).isEqualTo("城东区");

            // 110 was shown the citizen in full: the access record of personal data has it
            await("the partner's read recorded").atMost(ofSeconds(20))
                    .until(() -> Api.as("admin").get("/api/access-record/reads?workOrder=" + number).then()
                            .extract().asString().contains("partner:police-110"));

            String feedback = "/api/partner/v1/work-orders/" + number + "/feedback";
            police.post(feedback, feedback("JQ-1", "ACCEPTED", "已派警，民警十分钟内到场")).then().statusCode(201);
            police.post(feedback, feedback("JQ-1", "ACCEPTED", "已派警，民警十分钟内到场")).then().statusCode(200)
                    .body("recorded", equalTo(false));
            police.post(feedback, feedback("JQ-2", "RESULT", "民警到场调解，双方和解")).then().statusCode(201);
            List<String> history = Api.as("agent").get("/api/work-orders/" + number + "/history").then()
                    .statusCode(200).extract().jsonPath().getList("summary", String.class);
            assertThat(history).contains("联动：转 110（警单）", "联动：测试合作方 police-110 已受理",
                    "联动：测试合作方 police-110 反馈办理结果");
            Api.step("agent", number, "answer", Map.of("answer", "110 已到场处置，双方和解。")).statusCode(200);
            await("110 hears the 办结").atMost(ofSeconds(20)).until(() -> receiver.taken(number).size() == 2);
            assertThat(receiver.taken(number).get(1).type()).isEqualTo("CLOSED");

            // 110 → 12345: a 非警务诉求
            String externalId = "JJ-" + UUID.randomUUID();
            String nonPolice = police.post("/api/partner/v1/work-orders",
                    PartnerExchangeTest.submission(externalId, "城东区", "东门街道", "010101")).then().statusCode(201)
                    .extract().path("number");
            intake.register(nonPolice, intake.registration(nonPolice, new IntakeService.Correction(
                    RequestType.COMPLAINT, "小区物业乱收费", "物业公司上调物业费。", "城东区", "东门街道", null, "010101", false,
                    false, null)), new Actor(0, "agent", "坐席", Role.AGENT, null));
            await("110 hears the 受理").atMost(ofSeconds(20)).until(() -> receiver.taken(nonPolice).size() == 1);
            assertThat(receiver.taken(nonPolice).get(0).type()).isEqualTo("ACCEPTED");
            assertThat(receiver.taken(nonPolice).get(0).event().path("workOrder").path("externalId").asText())
                    .isEqualTo(externalId);
        }
    }

    @Test
    void onlyPlatformsThatTakeHandoversReceiveThem() {
        PartnerClient.register("dept-handover", "DEPARTMENT_SYSTEM", null, false, "COMPLAINT");
        String number = Api.register(Api.registration());
        Api.as("agent").body(Map.of("partnerCode", "dept-handover")).post("/api/work-order-handovers/" + number)
                .then().statusCode(422);
        Api.as("housing").body(Map.of("partnerCode", "dept-handover")).post("/api/work-order-handovers/" + number)
                .then().statusCode(403);
    }

    @Test
    void theCallGoesWithAPoliceHandoverOnlyWhenThereIsOneAndNothingIsLeftBehindWhenItCannot() {
        PartnerClient.register("police-call-rules", "POLICE_110", null, false, "HELP");
        PartnerClient.register("province-call-rules", "PROVINCIAL_PLATFORM", null, false, "COMPLAINT");
        String noCall = Api.register(Api.registration());
        Api.as("agent").body(Map.of("partnerCode", "police-call-rules", "call", "TRANSFER"))
                .post("/api/work-order-handovers/" + noCall).then().statusCode(422)
                .body("violations[0].field", equalTo("call"));
        Api.as("agent").body(Map.of("partnerCode", "province-call-rules", "call", "THREE_WAY"))
                .post("/api/work-order-handovers/" + noCall).then().statusCode(422)
                .body("violations[0].field", equalTo("call"));

        // registered from a call that has ended: the transfer fails, and so does the 警单, whole
        Map<String, Object> body = Api.registration();
        body.put("callId", "1700000000.42");
        String ended = Api.register(body);
        Api.as("agent").body(Map.of("partnerCode", "police-call-rules", "call", "TRANSFER"))
                .post("/api/work-order-handovers/" + ended).then().statusCode(404);
        assertThat(Api.as("agent").get("/api/work-orders/" + ended + "/history").then().extract().jsonPath()
                .getList("summary", String.class)).noneMatch(line -> line.contains("110"));
        Api.as("agent").body(Map.of("partnerCode", "police-call-rules"))
                .post("/api/work-order-handovers/" + ended).then().statusCode(204);
    }

    private static String feedback(String id, String kind, String text) throws Exception {
        return JSON.writeValueAsString(Map.of("feedbackId", id, "kind", kind, "text", text));
    }
}
