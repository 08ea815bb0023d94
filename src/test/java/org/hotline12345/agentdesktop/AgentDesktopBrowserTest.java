package org.hotline12345.agentdesktop;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hotline12345.support.Api.as;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.hotline12345.support.Api;
import org.hotline12345.support.Browser;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.telephony.TelephonyProfile;
import org.hotline12345.telephony.TelephonyTestPeers;
import org.hotline12345.telephony.peer.AgiCall;
import org.hotline12345.telephony.peer.AmiEvents;
import org.hotline12345.telephony.peer.AmiEvents.Channel;
import org.hotline12345.telephony.peer.AmiEvents.Member;
import org.hotline12345.telephony.peer.FakeAsterisk;
import org.hotline12345.telephony.peer.FakeAsterisk.Packet;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The agent's desktop in a real browser, against a simulated Asterisk: sign in at the phone, a call on the enterprise
 * line rings and its screen pop arrives over the WebSocket, the pop fills the registration form, the work order is
 * registered and linked to the call; pauses; a refused form keeps what was typed.
 */
@QuarkusTest
@TestProfile(TelephonyProfile.class)
class AgentDesktopBrowserTest extends DatabaseTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TestHTTPResource("/")
    URL base;

    @Test
    void aRingingCallPopsUpFillsTheFormAndBecomesAWorkOrderLinkedToTheCall() throws Exception {
        FakeAsterisk asterisk = TelephonyTestPeers.actingOnQueueActions();
        String phone = "136" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        Channel caller = Channel.caller("PJSIP/trunk-desktop", "1792000000." + System.nanoTime() % 100_000, phone);
        try (Browser browser = Browser.open(base.toString())) {
            browser.signIn("agent");
            assertThat(browser.driver().getCurrentUrl()).endsWith("/agent");
            browser.driver().findElement(By.cssSelector("#sign-in input[name=extension]")).sendKeys("1301");
            browser.driver().findElement(By.cssSelector("#sign-in button")).click();
            browser.awaitText(By.id("extension"), "1301");
            browser.awaitText(By.id("agent-state"), "空闲");
            await("the page's WebSocket open").atMost(ofSeconds(20))
                    .until(() -> "open".equals(browser.driver().findElement(By.tagName("body"))
                            .getDomAttribute("data-telephony-socket")));

            new AgiCall(TelephonyTestPeers.agiPort(), "caller-lookup").channel(caller.name(), caller.uniqueId())
                    .callerId(phone).run(WAIT);
            new AgiCall(TelephonyTestPeers.agiPort(), "menu?choice=1").channel(caller.name(), caller.uniqueId())
                    .callerId(phone).run(WAIT);
            Channel agentLeg = Channel.agent("PJSIP/1301-00000001", caller.uniqueId() + "1", caller);
            Member member = new Member("business-desk", "PJSIP/1301", "agent");
            asterisk.event(AmiEvents.queueCallerJoin(caller, "business-desk", 1, 1));
            asterisk.event(AmiEvents.agentCalled(caller, agentLeg, member));

            browser.awaitText(By.id("pop-number"), phone);
            assertThat(browser.waitFor(By.id("pop-enterprise")).getText()).isEqualTo("涉企");
            assertThat(browser.text(By.id("pop-ivr"))).isEqualTo("涉企服务");
            assertThat(browser.text(By.id("pop-queue"))).isEqualTo("营商环境专席");
            browser.awaitText(By.id("agent-state"), "振铃");
            browser.screenshot("agent-desktop-screen-pop");

            asterisk.event(AmiEvents.agentConnect(caller, agentLeg.withState(6), member, 5, 2));
            browser.awaitText(By.id("agent-state"), "通话中");
            browser.driver().findElement(By.id("use-call")).click();
            assertThat(browser.driver().findElement(By.id("phone-number")).getDomProperty("value")).isEqualTo(phone);
            assertThat(browser.driver().findElement(By.id("call-id")).getDomProperty("value"))
                    .isEqualTo(caller.uniqueId());
            assertThat(browser.driver().findElement(By.id("enterprise-request")).isSelected()).isTrue();

            browser.driver().findElement(By.name("name")).sendKeys("刘女士");
            browser.driver().findElement(By.id("title")).sendKeys("企业反映工程款被拖欠半年");
            browser.driver().findElement(By.name("content")).sendKeys("某区属国企拖欠我公司工程款三十万元，多次催要无果。");
            new Select(browser.driver().findElement(By.name("district"))).selectByVisibleText("城东区");
            browser.chooseCategory("物业服务收费", "城乡建设 / 物业管理 / 物业服务收费");
            new Select(browser.driver().findElement(By.name("leadDepartmentCode"))).selectByValue("SAMR");
            browser.driver().findElement(By.id("credit-code")).sendKeys("91330100MA2KY12345");
            assertThat(browser.text(By.id("credit-code-check"))).isEqualTo("校验码不符");
            browser.driver().findElement(By.cssSelector("#registration button[type=submit]")).click();

            // refused: the typed form comes back with the reason
            assertThat(browser.text(By.id("form-error"))).contains("统一社会信用代码");
            assertThat(browser.driver().findElement(By.id("title")).getDomProperty("value"))
                    .isEqualTo("企业反映工程款被拖欠半年");
            assertThat(browser.driver().findElement(By.id("call-id")).getDomProperty("value"))
                    .isEqualTo(caller.uniqueId());
            browser.driver().findElement(By.id("credit-code")).clear();
            browser.driver().findElement(By.cssSelector("#registration button[type=submit]")).click();

            String number = browser.text(By.id("registered-number"));
            assertThat(number).matches("\\d{8}-\\d{6}");
            // the call goes on: its pop is still there after the page reloaded
            assertThat(browser.text(By.id("pop-number"))).isEqualTo(phone);
            browser.screenshot("agent-desktop-registered");
            as("desk").get("/api/desk/ledger/by-work-order/" + number).then().statusCode(200);
            await("the call linked to the work order").atMost(ofSeconds(20)).until(() -> as("agent")
                    .get("/api/telephony/work-orders/" + number + "/calls").then().extract()
                    .<List<String>> path("callId").contains(caller.uniqueId()));
            as("supervisor").get("/api/telephony/calls/" + caller.uniqueId()).then().statusCode(200)
                    .body("workOrders", hasItem(number));

            new Select(browser.driver().findElement(By.cssSelector("#pause select"))).selectByVisibleText("培训");
            browser.driver().findElement(By.cssSelector("#pause button")).click();
            browser.awaitText(By.id("pause-reason"), "（培训）");
            browser.driver().findElement(By.cssSelector("#sign-out button")).click();
            browser.waitFor(By.id("sign-in"));
            browser.signOut();

            browser.signIn("housing");
            browser.go("/agent");
            assertThat(browser.driver().findElements(By.id("registration"))).isEmpty();
        } finally {
            as("agent").post("/api/telephony/agents/me/logout");
        }
    }

    @Test
    void theAgentCallsTheCitizenBackFromTheWorkOrderAndSeesTheCallConnect() throws Exception {
        FakeAsterisk asterisk = TelephonyTestPeers.actingOnQueueActions();
        asterisk.answer("Originate", action -> Packet.of("Response", "Success", "Message",
                "Originate successfully queued"));
        String number = Api.registerDispatched("HOUSING");
        Api.step("housing", number, "accept").statusCode(200);
        Api.step("housing", number, "reply", Map.of("content", "已处理")).statusCode(200);
        Api.step("supervisor", number, "review/approve").statusCode(200);
        as("agent").body(Map.of("extension", "1302")).post("/api/telephony/agents/me/login").then().statusCode(200);
        try (Browser browser = Browser.open(base.toString())) {
            browser.signIn("agent");
            browser.go("/hotline/work-orders/" + number);
            int placed = asterisk.actions("Originate").size();
            browser.driver().findElement(By.cssSelector("#call-citizen button")).click();
            assertThat(browser.text(By.cssSelector(".notice.ok"))).startsWith("正在呼叫");
            await("the page's WebSocket open").atMost(ofSeconds(20))
                    .until(() -> "open".equals(browser.driver().findElement(By.tagName("body"))
                            .getDomAttribute("data-telephony-socket")));
            await("the Originate sent").atMost(ofSeconds(20))
                    .until(() -> asterisk.actions("Originate").size() > placed);
            List<Packet> originates = asterisk.actions("Originate");
            Packet originate = originates.get(originates.size() - 1);
            assertThat(originate.get("Channel")).isEqualTo("PJSIP/1302");
            // connected only when the citizen's line answers the dial that follows the agent's answer
            AmiEvents.callbackDialled(originate, "ANSWER").forEach(asterisk::event);
            browser.awaitText(By.id("callback-outcome"), "已接通 " + number);
        } finally {
            as("agent").post("/api/telephony/agents/me/logout");
        }
    }
}
