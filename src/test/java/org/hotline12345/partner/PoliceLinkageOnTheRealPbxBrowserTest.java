package org.hotline12345.partner;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline12345.support.Api.as;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotline12345.support.Api;
import org.hotline12345.support.Browser;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.telephony.pbx.RealAsterisk;
import org.hotline12345.telephony.pbx.RealAsteriskProfile;
import org.hotline12345.telephony.pbx.RealAsteriskResource;
import org.hotline12345.telephony.pbx.Sipp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * 12345–110 linkage on the real Asterisk, as the agent works it in Chromium: a caller in danger is registered from
 * the screen pop, handed to 110 as a 警单 with the call transferred in the same step (110's system hears the 警单
 * naming the call, the carrier is rung at 110, the agent's leg ends); on another call whose owner is unclear the
 * agent brings 110 into a three-way call from the desktop; and a 警单 handed over with 110 in a three-way call.
 */
@QuarkusTest
@TestProfile(RealAsteriskProfile.class)
@EnabledIf("org.hotline12345.telephony.pbx.AsteriskBundle#runnable")
class PoliceLinkageOnTheRealPbxBrowserTest extends DatabaseTest {

    private static final Pattern CALL_TO_110 = Pattern.compile("INVITE sip:110@");
    private static final String CATEGORY_PATH = "公共安全 / 治安管理 / 治安案件";

    @TestHTTPResource("/")
    URL base;

    private final List<Sipp> parties = new ArrayList<>();

    @AfterEach
    void hangUpEveryone() {
        as("agent").post("/api/telephony/agents/me/logout");
        parties.forEach(Sipp::close);
        // a stopped SIPp sends no BYE: the room and the 110 leg would hold the desk's phone busy for the next test
        RealAsteriskResource.asterisk().cli("channel request hangup all");
    }

    @Test
    void aPoliceMatterGoesTo110WithItsCallAndAnUnclearOneBrings110IntoAThreeWayCall() throws Exception {
        RealAsterisk pbx = RealAsteriskResource.asterisk();
        parties.add(Sipp.phone(pbx, "1010", Duration.ofMillis(300), null));
        await("phone 1010 registered").atMost(ofSeconds(20))
                .until(() -> pbx.cli("pjsip show contacts").contains("1010/"));
        try (PartnerReceiver receiver = new PartnerReceiver("/jjpt/calls");
                Browser browser = Browser.open(base.toString())) {
            PartnerClient police = PartnerClient.register("police-110-pbx", "POLICE_110", receiver.url(), false,
                    "HELP", "COMPLAINT");
            receiver.secret(police.secret);
            browser.signIn("agent");
            browser.driver().findElement(By.cssSelector("#sign-in input[name=extension]")).sendKeys("1010");
            browser.driver().findElement(By.cssSelector("#sign-in button")).click();
            browser.awaitText(By.id("done"), "已签入分机 1010");
            awaitText(browser, By.id("agent-state"), "空闲");

            // a caller in danger: popped, registered from the pop, handed to 110 with the call
            String caller = number();
            parties.add(Sipp.call(pbx, Sipp.Call.from(caller).stay(Duration.ofSeconds(40))));
            awaitText(browser, By.id("pop-number"), caller);
            awaitText(browser, By.id("agent-state"), "通话中");
            assertThat(browser.waitFor(By.id("call-controls")).isDisplayed()).isTrue();
            browser.driver().findElement(By.id("use-call")).click();
            String callId = value(browser, "#call-id");
            assertThat(callId).isNotBlank();
            type(browser, "#citizen-name", "刘女士");
            new Select(browser.driver().findElement(By.id("request-type"))).selectByValue("HELP");
            type(browser, "#title", "丈夫酒后持刀威胁，危及人身安全");
            type(browser, "#content", "来电人称丈夫酒后持刀在家中威胁，来电人躲在卧室，请求警方处置。");
            new Select(browser.driver().findElement(By.id("district"))).selectByVisibleText("城东区");
            browser.chooseCategory("治安案件", CATEGORY_PATH);
            browser.driver().findElement(By.id("register-submit")).click();
            String number = browser.text(By.id("registered-number"));
            browser.driver().findElement(By.id("registered-handover")).click();

            WebElement handover = browser.waitFor(By.id("handover"));
            assertThat(new Select(handover.findElement(By.name("partnerCode"))).getFirstSelectedOption().getText())
                    .isEqualTo("测试合作方 police-110-pbx（110 报警服务台）");
            assertThat(handover.findElement(By.cssSelector("input[name=call][value=TRANSFER]")).isSelected())
                    .as("the call in hand goes with the 警单 unless the agent says otherwise").isTrue();
            assertThat(handover.getText()).contains("转接来电至 110（坐席退出）", "三方通话（市民、坐席、110）", "不转接来电");
            handover.findElement(By.name("note")).sendKeys("持刀威胁，请立即出警");
            browser.screenshot("police-handover-with-the-call");
            int before = callsTo110(pbx);
            handover.findElement(By.cssSelector("button[type=submit]")).click();
            browser.awaitText(By.cssSelector(".notice.ok"), "已转出，来电已转接 110");

            await("110 rung through the trunk").atMost(ofSeconds(20)).until(() -> callsTo110(pbx) > before);
            await("the 警单 delivered").atMost(ofSeconds(20)).until(() -> receiver.taken(number).size() == 1);
            JsonNode event = receiver.taken(number).get(0).event();
            assertThat(event.path("type").asText()).isEqualTo("HANDED_OVER");
            assertThat(event.path("data").path("kind").asText()).isEqualTo("警单");
            assertThat(event.path("data").path("call").path("id").asText()).isEqualTo(callId);
            assertThat(event.path("data").path("call").path("step").asText()).isEqualTo("TRANSFER");
            assertThat(event.path("data").path("citizen").path("phone").asText()).isEqualTo(caller);
            // the caller talks on with 110; the hotline's record says where the call went and by whose hand
            JsonPath record = record(callId, r -> r.getString("transferredTo") != null);
            assertThat(record.getString("transferredTo")).isEqualTo("110");
            assertThat(record.getString("endedBy")).isEqualTo("transfer");
            assertThat(history(number)).contains("联动：转 110（警单），来电转接 110");

            // whose matter is unclear: the agent keeps the caller and brings 110 in from the desktop
            browser.go("/agent");
            awaitText(browser, By.id("agent-state"), "空闲");
            String second = number();
            parties.add(Sipp.call(pbx, Sipp.Call.from(second).stay(Duration.ofSeconds(40))));
            awaitText(browser, By.id("pop-number"), second);
            awaitText(browser, By.id("agent-state"), "通话中");
            WebElement consult = browser.waitFor(By.id("consult"));
            String secondCallId = consult.findElement(By.name("callId")).getDomProperty("value");
            assertThat(secondCallId).isNotBlank().isNotEqualTo(callId);
            consult.findElement(By.name("number")).sendKeys("110");
            browser.screenshot("desktop-three-way-with-110");
            int beforeRoom = callsTo110(pbx);
            consult.findElement(By.cssSelector("button")).click();
            browser.awaitText(By.id("done"), "正在呼叫 110 加入三方通话");
            await("110 rung into the room").atMost(ofSeconds(20)).until(() -> callsTo110(pbx) > beforeRoom);
            assertThat(pbx.cli("confbridge list")).contains(secondCallId.replaceAll("\\D", ""));
            as("supervisor").get("/api/telephony/calls/" + secondCallId).then().statusCode(200);
            assertThat(record(secondCallId, r -> "110".equals(r.getString("consultedNumber")))
                    .getString("consultedNumber")).isEqualTo("110");
        }
    }

    @Test
    void aPoliceMatterHandedOverWithItsCallInAThreeWayCallKeepsTheAgentOnTheLine() throws Exception {
        RealAsterisk pbx = RealAsteriskResource.asterisk();
        parties.add(Sipp.phone(pbx, "1010", Duration.ofMillis(300), null));
        await("phone 1010 registered").atMost(ofSeconds(20))
                .until(() -> pbx.cli("pjsip show contacts").contains("1010/"));
        as("agent").body(Map.of("extension", "1010")).post("/api/telephony/agents/me/login").then().statusCode(200);
        await("ready at 1010").atMost(ofSeconds(30)).until(() -> "READY".equals(
                as("agent").get("/api/telephony/agents/me").then().extract().jsonPath().getString("state")));
        try (PartnerReceiver receiver = new PartnerReceiver("/jjpt/three-way")) {
            PartnerClient police = PartnerClient.register("police-110-room", "POLICE_110", receiver.url(), false,
                    "HELP", "COMPLAINT");
            receiver.secret(police.secret);
            String caller = number();
            int before = callsTo110(pbx);
            parties.add(Sipp.call(pbx, Sipp.Call.from(caller).stay(Duration.ofSeconds(30))));
            String callId = await("on the call").atMost(ofSeconds(30)).until(
                    () -> as("agent").get("/api/telephony/agents/me").then().extract().jsonPath(),
                    me -> "ON_CALL".equals(me.getString("state"))).getString("callId");

            Map<String, Object> body = Api.registration();
            body.put("callId", callId);
            body.put("requestType", "HELP");
            String number = Api.register(body);
            // a 警单 for a work order not registered from a call cannot take a call with it
            String withoutCall = Api.register(Api.registration());
            as("agent").body(Map.of("partnerCode", "police-110-room", "call", "THREE_WAY"))
                    .post("/api/work-order-handovers/" + withoutCall).then().statusCode(422);

            as("agent").body(Map.of("partnerCode", "police-110-room", "call", "THREE_WAY", "note", "归属不清，三方确认"))
                    .post("/api/work-order-handovers/" + number).then().log().ifValidationFails().statusCode(204);
            await("110 rung into the room").atMost(ofSeconds(20)).until(() -> callsTo110(pbx) > before);
            assertThat(pbx.cli("confbridge list")).contains(callId.replaceAll("\\D", ""));
            await("the 警单 delivered").atMost(ofSeconds(20)).until(() -> receiver.taken(number).size() == 1);
            assertThat(receiver.taken(number).get(0).event().path("data").path("call").path("step").asText())
                    .isEqualTo("THREE_WAY");
            JsonPath record = record(callId, r -> "110".equals(r.getString("consultedNumber")));
            assertThat(record.getString("transferredTo")).as("the agent stays: not a transfer").isNull();
            assertThat(history(number)).contains("联动：转 110（警单），与 110 三方通话");
        }
    }

    /** What the phone brings takes the IVR's greeting and the queue first: longer than the page's own changes. */
    private static void awaitText(Browser browser, By locator, String text) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(40)).until(ExpectedConditions.textToBe(locator, text));
    }

    private static int callsTo110(RealAsterisk pbx) {
        Matcher invites = CALL_TO_110.matcher(pbx.carrier().messages());
        int count = 0;
        while (invites.find()) {
            count++;
        }
        return count;
    }

    private static List<String> history(String number) {
        return as("agent").get("/api/work-orders/" + number + "/history").then().statusCode(200).extract()
                .jsonPath().getList("summary", String.class);
    }

    private static JsonPath record(String callId, java.util.function.Predicate<JsonPath> complete) {
        return await("the record of " + callId).atMost(ofSeconds(30)).until(() -> {
            var response = as("supervisor").get("/api/telephony/calls/" + callId);
            return response.statusCode() == 200 ? response.jsonPath() : null;
        }, record -> record != null && complete.test(record));
    }

    private static String number() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private static void type(Browser browser, String selector, String text) {
        WebElement input = browser.driver().findElement(By.cssSelector(selector));
        input.clear();
        input.sendKeys(text);
    }

    private static String value(Browser browser, String selector) {
        return browser.driver().findElement(By.cssSelector(selector)).getDomProperty("value");
    }
}
