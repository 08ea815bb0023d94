package org.hotline12345.sms;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.MutableClock;
import org.hotline12345.support.Pages;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Text messages through a real SMPP session to the {@link TestSmsc}: delivered and receipted, long Chinese text split
 * and joined, the window held, throttling and a dropped session recovered, quiet hours kept, templates edited.
 */
@QuarkusTest
@WithTestResource(SmscResource.class)
class SmsTest extends DatabaseTest {

    @Inject
    SmsQueue queue;

    @Inject
    SmsOutbox outbox;

    @Inject
    MutableClock clock;

    private final TestSmsc smsc = SmscResource.smsc();

    /** Outside the quiet hours, whatever the time the suite runs: what can wait would otherwise wait till morning. */
    @BeforeEach
    void daytime() {
        clock.runFrom(LocalDateTime.of(2026, 12, 7, 10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
    }

    @AfterEach
    void reset() {
        smsc.responseDelay = Duration.ZERO;
        smsc.throttleNext.set(0);
        smsc.receiptState = DeliveryReceiptState.DELIVRD;
        clock.reset();
    }

    @Test
    void aCodeReachesThePhoneIsReceiptedAndItsTextIsNotKept() {
        String phone = "13900000001";
        long id = queue(SmsKind.VERIFICATION_CODE, phone, Map.of("code", "482915", "minutes", "5"), null);
        SmsOutbox.MessageView delivered = awaitState(id, SmsState.DELIVERED);
        assertThat(smsc.lastCode(phone)).contains("482915");
        TestSmsc.Submitted submitted = smsc.submitted.stream().filter(s -> s.destination().equals(phone))
                .findFirst().orElseThrow();
        assertThat(submitted.source()).isEqualTo("12345");
        assertThat(Alphabet.parseDataCoding(submitted.dataCoding())).isEqualTo(Alphabet.ALPHA_UCS2);
        assertThat(GSMSpecificFeature.UDHI.containedIn(submitted.esmClass())).isFalse();
        assertThat(delivered.parts()).isEqualTo(1);
        assertThat(delivered.recipient()).isEqualTo("139****0001");
        assertThat(delivered.body()).doesNotContain("482915");
        assertThat(delivered.deliveredAt()).isNotNull();
    }

    @Test
    void aLongChineseTextIsSplitWithHeadersAndJoinedWhole() {
        String phone = "13900000002";
        String reason = "该诉求反映的是民事合同纠纷，属于人民法院受理范围，不属于本热线的受理范围，"
                + "建议您携带合同、付款凭证等材料向有管辖权的人民法院起诉，或者向所在街道的人民调解委员会申请调解。𠀀结束";
        long id = queue(SmsKind.REFUSED, phone, Map.of("number", "20261207-000001", "reason", reason), null);
        SmsOutbox.MessageView delivered = awaitState(id, SmsState.DELIVERED);
        String expected = "【12345热线】您提交的诉求（编号20261207-000001）不予受理，原因：" + reason + "。如有疑问请拨打12345。";
        assertThat(delivered.parts()).isEqualTo(SmsText.partCount(expected)).isGreaterThan(2);
        TestSmsc.Message joined = await("the joined message").atMost(ofSeconds(20))
                .until(() -> smsc.to(phone), list -> !list.isEmpty())
                .get(0);
        assertThat(joined.text()).isEqualTo(expected);
        assertThat(joined.parts()).isEqualTo(delivered.parts());
        List<TestSmsc.Submitted> parts = smsc.submitted.stream().filter(s -> s.destination().equals(phone)).toList();
        assertThat(parts).hasSize(delivered.parts()).allSatisfy(part -> {
            assertThat(GSMSpecificFeature.UDHI.containedIn(part.esmClass())).isTrue();
            assertThat(part.shortMessage().length).isLessThanOrEqualTo(140);
        });
        // the supplementary character (two UTF-16 units) is never cut in half between parts
        for (TestSmsc.Submitted part : parts) {
            String text = new String(part.shortMessage(), 6, part.shortMessage().length - 6,
                    StandardCharsets.UTF_16BE);
            assertThat(Character.isHighSurrogate(text.charAt(text.length() - 1))).isFalse();
        }
    }

    @Test
    void noMoreSubmitsAwaitTheirResponseThanTheWindowAllows() {
        smsc.responseDelay = Duration.ofMillis(300);
        smsc.resetMaxInFlight();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(queue(SmsKind.VERIFICATION_CODE, "1390000010" + (i % 10), Map.of("code", "10000" + i % 10,
                    "minutes", "5"), null));
        }
        ids.forEach(id -> awaitState(id, SmsState.DELIVERED));
        assertThat(smsc.maxInFlight()).isEqualTo(SmscResource.WINDOW);
    }

    @Test
    void aThrottledMessageIsSentAgainLater() {
        smsc.throttleNext.set(2);
        long id = queue(SmsKind.CLOSED, "13900000003", Map.of("number", "20261207-000002"), null);
        SmsOutbox.MessageView delivered = awaitState(id, SmsState.DELIVERED);
        assertThat(delivered.attempts()).isEqualTo(3);
    }

    @Test
    void aDroppedSessionIsBoundAgainAndTheQueueCarriesOn() {
        int binds = smsc.binds();
        smsc.dropSessions();
        long id = queue(SmsKind.VERIFICATION_CODE, "13900000004", Map.of("code", "777111", "minutes", "5"), null);
        awaitState(id, SmsState.DELIVERED);
        assertThat(smsc.binds()).isGreaterThan(binds);
        assertThat(smsc.lastCode("13900000004")).contains("777111");
    }

    @Test
    void aPartReportedUndeliveredMarksTheMessage() {
        smsc.receiptState = DeliveryReceiptState.UNDELIV;
        long id = queue(SmsKind.CLOSED, "13900000005", Map.of("number", "20261207-000003"), null);
        awaitState(id, SmsState.UNDELIVERED);
    }

    @Test
    void whatCanWaitWaitsOutTheQuietHoursWhileCodesGoAtOnce() {
        clock.set(LocalDateTime.of(2026, 12, 7, 23, 30).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        long progress = queue(SmsKind.CLOSED, "13900000006", Map.of("number", "20261207-000004"), null);
        long code = queue(SmsKind.VERIFICATION_CODE, "13900000006", Map.of("code", "246810", "minutes", "5"), null);
        awaitState(code, SmsState.DELIVERED);
        assertThat(view(progress).state()).isEqualTo(SmsState.QUEUED);
        clock.set(LocalDateTime.of(2026, 12, 8, 8, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        awaitState(progress, SmsState.DELIVERED);
    }

    @Test
    void administratorsEditATemplateKeepingItsPlaceholders() {
        String page = "/admin/sms";
        Pages.form("admin", page).formParam("body", "【12345】工单{number}已办结，欢迎再次来电 {phone}").redirects()
                .follow(false).post("/admin/sms/templates/CLOSED").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.containsString("error="));
        Pages.form("admin", page).formParam("body", "【12345热线】您的诉求{number}已办结，谢谢。").post("/admin/sms/templates/CLOSED")
                .then().statusCode(303);
        try {
            long id = queue(SmsKind.CLOSED, "13900000007", Map.of("number", "20261207-000005"), null);
            awaitState(id, SmsState.DELIVERED);
            assertThat(smsc.to("13900000007").get(0).text()).isEqualTo("【12345热线】您的诉求20261207-000005已办结，谢谢。");
            assertThat(Pages.as("admin").get(page).then().statusCode(200).extract().asString())
                    .contains("已办结，谢谢").contains("139****0007").contains("已送达");
        } finally {
            Pages.form("admin", page).formParam("body", "【12345热线】您的诉求（编号{number}）已办结，感谢您对12345热线的支持。")
                    .post("/admin/sms/templates/CLOSED").then().statusCode(303);
        }
    }

    private long queue(SmsKind kind, String phone, Map<String, String> values, String number) {
        return QuarkusTransaction.requiringNew().call(() -> queue.queue(kind, phone, values, number));
    }

    private SmsOutbox.MessageView awaitState(long id, SmsState state) {
        return await("SMS " + id + " " + state).atMost(ofSeconds(20)).until(() -> view(id),
                view -> view.state() == state);
    }

    private SmsOutbox.MessageView view(long id) {
        return outbox.recent(500).stream().filter(m -> m.id() == id).findFirst().orElseThrow();
    }
}
