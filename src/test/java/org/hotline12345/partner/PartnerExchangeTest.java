package org.hotline12345.partner;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hotline12345.intake.IntakeService;
import org.hotline12345.security.Actor;
import org.hotline12345.support.Api;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.Pages;
import org.hotline12345.user.Role;
import org.hotline12345.workorder.RequestType;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A partner registered by an administrator submits a signed work order, retries it without creating a second, and
 * follows it through 受理, 转办, the approved reply and 办结 on its own endpoint (a real HTTP server) across an outage,
 * 500s and a slow answer; every event arrives, once per event id, in order; the change feed has them too.
 */
@QuarkusTest
class PartnerExchangeTest extends DatabaseTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Actor AGENT = new Actor(0, "agent", "坐席", Role.AGENT, null);

    @Inject
    IntakeService intake;

    @Inject
    EntityManager entityManager;

    @Test
    void aPartnerSubmitsRetriesAndFollowsItsWorkOrderAcrossAnOutage() throws Exception {
        try (PartnerReceiver receiver = new PartnerReceiver("/hotline/events")) {
            PartnerClient partner = PartnerClient.register("mayor-mailbox", "MAILBOX", receiver.url(), false,
                    "COMPLAINT", "CONSULTATION");
            receiver.secret(partner.secret);
            String externalId = "SZXX-" + UUID.randomUUID();
            String body = submission(externalId, "城东区", "东门街道", "010101");

            String number = partner.post("/api/partner/v1/work-orders", body).then().statusCode(201)
                    .body("state", equalTo("PENDING")).body("duplicate", equalTo(false)).extract().path("number");
            partner.post("/api/partner/v1/work-orders", body).then().statusCode(200)
                    .body("number", equalTo(number)).body("duplicate", equalTo(true));
            partner.post("/api/partner/v1/work-orders", body.replace("物业", "业委会")).then().statusCode(409)
                    .body("detail", containsString("已提交过不同的内容"));
            assertThat(intake.pending().stream().filter(r -> r.sourceDetail() != null
                    && r.sourceDetail().contains(externalId))).hasSize(1);
            assertThat(Pages.as("agent").get("/agent/intake").then().statusCode(200).extract().asString())
                    .contains(number).contains("合作平台").contains("外部编号 " + externalId);

            // an attachment uploaded alongside is kept until 受理, then attached to the work order
            String attachments = "/api/partner/v1/work-orders/" + externalId + "/attachments?name=" + "photo.pdf";
            String pdf = "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n";
            partner.post(attachments, pdf).then().statusCode(200).body("attached", equalTo(false));
            partner.post(attachments, "not a pdf").then().statusCode(422);

            // 受理 with 转办 at once: two events
            intake.register(number, intake.registration(number, new IntakeService.Correction(RequestType.COMPLAINT,
                    "小区物业乱收费", "物业公司未经业主大会同意上调物业费。", "城东区", "东门街道", "幸福路 18 号", "010101", false,
                    false, "HOUSING")), AGENT);
            await("受理 and 转办 delivered").atMost(ofSeconds(20)).until(() -> receiver.taken(number).size() == 2);
            Api.as("agent").get("/api/work-orders/" + number + "/attachments").then().statusCode(200)
                    .body("fileName", equalTo(List.of("photo.pdf")));

            receiver.down();
            Api.step("housing", number, "accept").statusCode(200);
            Api.step("housing", number, "reply", Map.of("content", "已约谈物业公司，暂停上调物业费。")).statusCode(200);
            Api.step("supervisor", number, "review/approve").statusCode(200);
            Thread.sleep(1500);
            receiver.failNext(3);
            receiver.slowNext(1, 1500);
            receiver.up();
            Api.step("supervisor", number, "close", Map.of("reason", "已答复市民")).statusCode(200);

            await("every event delivered").atMost(ofSeconds(20)).until(() -> receiver.taken(number).size() == 4);
            List<PartnerReceiver.Delivery> events = receiver.taken(number);
            assertThat(events).extracting(PartnerReceiver.Delivery::type)
                    .containsExactly("ACCEPTED", "TRANSFERRED", "REPLIED", "CLOSED");
            assertThat(events).extracting(PartnerReceiver.Delivery::position).isSorted();
            assertThat(events.get(1).event().path("data").path("department").asText()).isEqualTo("市住建局");
            assertThat(events.get(2).event().path("data").path("reply").asText()).isEqualTo("已约谈物业公司，暂停上调物业费。");
            assertThat(events).allSatisfy(event -> {
                assertThat(event.event().path("workOrder").path("externalId").asText()).isEqualTo(externalId);
                // what the partner may not see: the citizen's phone, staff names, internal notes
                assertThat(event.event().toString()).doesNotContain("13812345678").doesNotContain("坐席")
                        .doesNotContain("班长")
                        .doesNotContain("已答复市民");
            });
            List<PartnerReceiver.Delivery> all = receiver.deliveries();
            assertThat(all).allMatch(PartnerReceiver.Delivery::signed);
            // the 500s and the slow answer were tried again: more requests than events, never a lost one
            assertThat(all.stream().filter(d -> d.number().equals(number)).count()).isGreaterThan(4);

            // the change feed has the same events, in order, and nothing after the last cursor
            var feed = partner.get("/api/partner/v1/changes?after=0").then().statusCode(200).extract().jsonPath();
            assertThat(feed.getList("events.id", String.class))
                    .containsExactlyElementsOf(events.stream().map(PartnerReceiver.Delivery::eventId).toList());
            long next = feed.getLong("next");
            partner.get("/api/partner/v1/changes?after=" + next).then().statusCode(200)
                    .body("events.size()", equalTo(0)).body("next", equalTo((int) next));
            partner.get("/api/partner/v1/work-orders/" + externalId).then().statusCode(200)
                    .body("state", equalTo("CLOSED")).body("reply", equalTo("已约谈物业公司，暂停上调物业费。"));

            Api.as("admin").get("/api/admin/partners/mayor-mailbox").then().statusCode(200)
                    .body("eventsDelivered", equalTo(4)).body("eventsPending", equalTo(0))
                    .body("requestsReceived", equalTo(8)).body("requestsRefused", equalTo(0));
        }
    }

    @Test
    void anEventClaimedByAnInstanceThatDiedIsDeliveredOnceItsClaimRunsOut() throws Exception {
        try (PartnerReceiver receiver = new PartnerReceiver("/province/events")) {
            PartnerClient province = PartnerClient.register("province", "PROVINCIAL_PLATFORM", receiver.url(), false,
                    "COMPLAINT");
            receiver.secret(province.secret);
            Api.as("admin").post("/api/admin/partners/province/pause").then().statusCode(200);
            String number = Api.register(Api.registration());
            Api.as("agent").body(Map.of("partnerCode", "province", "note", "属外地事项")).post(
                    "/api/work-order-handovers/" + number).then().statusCode(204);
            // another instance claimed the event for 3 seconds and died before delivering it
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                    update partner_event set claimed_until = now() + interval '3 seconds', attempts = 1
                    where work_order_number = ?1""").setParameter(1, number).executeUpdate());
            Api.as("admin").post("/api/admin/partners/province/resume").then().statusCode(200);
            Thread.sleep(1000);
            assertThat(receiver.taken(number)).as("still claimed by the instance that died").isEmpty();
            await("delivered once the claim ran out").atMost(ofSeconds(20))
                    .until(() -> receiver.taken(number).size() == 1);
            assertThat(receiver.taken(number).get(0).event().path("data").path("kind").asText()).isEqualTo("转外地");
        }
    }

    @Test
    void requestsWithoutAValidSignatureOrTimestampAreRefused() throws Exception {
        PartnerClient partner = PartnerClient.register("board-" + System.nanoTime() % 100000, "MESSAGE_BOARD", null,
                false, "COMPLAINT");
        String body = submission("LY-" + UUID.randomUUID(), "城东区", null, null);
        partner.post("/api/partner/v1/work-orders", body, Instant.now().getEpochSecond(), "not-the-secret").then()
                .statusCode(401).contentType(containsString("application/problem+json"))
                .body("detail", containsString("X-Signature"));
        partner.post("/api/partner/v1/work-orders", body, Instant.now().minusSeconds(600).getEpochSecond(),
                partner.secret).then().statusCode(401).body("detail", containsString("X-Timestamp"));
        new PartnerClient(partner.code, "pk_unknown", partner.secret).post("/api/partner/v1/work-orders", body).then()
                .statusCode(401);
        partner.post("/api/partner/v1/work-orders", body.replace("COMPLAINT", "SUGGESTION")).then().statusCode(422)
                .body("violations[0].field", equalTo("requestType"));
        partner.post("/api/partner/v1/work-orders", "{\"externalId\": \"x\"}").then().statusCode(400);
        Api.as("admin").post("/api/admin/partners/" + partner.code + "/pause").then().statusCode(200);
        partner.post("/api/partner/v1/work-orders", body).then().statusCode(403);
        Api.as("admin").post("/api/admin/partners/" + partner.code + "/resume").then().statusCode(200);
        partner.post("/api/partner/v1/work-orders", body).then().statusCode(201);
    }

    @Test
    void rotatedCredentialsOverlapWithTheOldOnes() throws Exception {
        PartnerClient old = PartnerClient.register("dept-" + System.nanoTime() % 100000, "DEPARTMENT_SYSTEM", null,
                false, "COMPLAINT");
        var rotated = Api.as("admin").post("/api/admin/partners/" + old.code + "/rotate").then().statusCode(200)
                .extract().jsonPath();
        PartnerClient fresh = new PartnerClient(old.code, rotated.getString("apiKey"), rotated.getString("secret"));
        assertThat(fresh.apiKey).isNotEqualTo(old.apiKey);
        old.post("/api/partner/v1/work-orders", submission("A-" + UUID.randomUUID(), "城东区", null, null)).then()
                .statusCode(201);
        fresh.post("/api/partner/v1/work-orders", submission("B-" + UUID.randomUUID(), "城东区", null, null)).then()
                .statusCode(201);
        new PartnerClient(old.code, old.apiKey, fresh.secret)
                .post("/api/partner/v1/work-orders", submission("C-" + UUID.randomUUID(), "城东区", null, null)).then()
                .statusCode(401);
        Api.as("admin").get("/api/admin/partners/" + old.code).then().body("credentials.size()", equalTo(2))
                .body("credentials[1].expiresAt", org.hamcrest.Matchers.notNullValue());
    }

    static String submission(String externalId, String district, String street, String categoryCode)
            throws Exception {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("externalId", externalId);
        body.put("requestType", "COMPLAINT");
        body.put("title", "小区物业乱收费");
        body.put("content", "物业公司未经业主大会同意上调物业费，请相关部门核查。");
        body.put("citizen", Map.of("name", "张三", "phone", "13812345678"));
        Map<String, Object> location = new java.util.LinkedHashMap<>();
        location.put("district", district);
        location.put("street", street);
        location.put("address", "幸福路 18 号");
        body.put("location", location);
        body.put("categoryCode", categoryCode);
        body.put("categoryName", "物业管理");
        return JSON.writeValueAsString(body);
    }
}
