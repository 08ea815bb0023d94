package org.hotline12345.telephony.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline12345.support.Api.as;
import static org.hotline12345.telephony.callback.MissedCallPeers.abandon;
import static org.hotline12345.telephony.callback.MissedCallPeers.awaitEntry;
import static org.hotline12345.telephony.callback.MissedCallPeers.drain;
import static org.hotline12345.telephony.callback.MissedCallPeers.phone;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.hotline12345.support.Browser;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.telephony.TelephonyProfile;
import org.hotline12345.telephony.TelephonyTestPeers;
import org.hotline12345.telephony.peer.AmiEvents;
import org.hotline12345.telephony.peer.FakeAsterisk;
import org.hotline12345.telephony.peer.FakeAsterisk.Packet;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * 漏接回拨 in the browser: the agent finds the abandoned caller on the list with their history, takes them with Alt+N,
 * sees the callback fail as Asterisk reports it, records 忙线, and the supervisor's wallboard shows the list.
 */
@QuarkusTest
@TestProfile(TelephonyProfile.class)
class MissedCallPageBrowserTest extends DatabaseTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void theAgentCallsTheOldestMissedCallerBackWithOneKeyAndRecordsTheOutcome() {
        FakeAsterisk asterisk = TelephonyTestPeers.actingOnQueueActions();
        as("agent").body(Map.of("extension", "1123")).post("/api/telephony/agents/me/login").then().statusCode(200);
        try (Browser browser = Browser.open(base.toString())) {
            drain("agent");
            String phone = phone();
            abandon(asterisk, phone, 48);
            awaitEntry(phone);
            // the callback rings the agent's phone; Asterisk reports the citizen's line only once the page listens
            asterisk.answer("Originate", action -> Packet.of("Response", "Success", "Message",
                    "Originate successfully queued"));

            browser.signIn("agent");
            browser.driver().findElement(By.linkText("漏接回拨")).click();
            String row = "#open tr[data-number='" + phone + "']";
            assertThat(browser.text(By.cssSelector(row + " .status"))).isEqualTo("待回拨");
            assertThat(browser.text(By.cssSelector(row + " .history"))).contains("近期来电").contains("未接通");
            assertThat(browser.text(By.cssSelector(row))).contains("排队放弃");
            browser.screenshot("agent-missed-calls");

            new Actions(browser.driver()).keyDown(Keys.ALT).sendKeys("n").keyUp(Keys.ALT).perform();
            assertThat(browser.text(By.id("done"))).isEqualTo("正在回拨 " + phone + "：请接起分机 1123");
            assertThat(browser.text(By.id("mine-number"))).isEqualTo(phone);
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(driver -> "open".equals(driver
                    .findElement(By.tagName("body")).getDomAttribute("data-telephony-socket")));
            List<Packet> originates = asterisk.actions("Originate");
            // the agent's phone answers, the citizen's line is busy
            AmiEvents.callbackDialled(originates.get(originates.size() - 1), "BUSY").forEach(asterisk::event);
            browser.awaitText(By.id("callback-outcome"), "未接通：对方忙");
            browser.screenshot("agent-missed-call-calling");

            browser.driver().findElement(By.cssSelector("#outcome button[value=BUSY]")).click();
            assertThat(browser.text(By.id("done"))).isEqualTo("已记录 " + phone + "：忙线，稍后再次回拨");
            assertThat(browser.text(By.cssSelector(row + " .status"))).startsWith("待回拨").contains("后再拨");
            assertThat(browser.driver().findElements(By.id("mine"))).singleElement()
                    .satisfies(panel -> assertThat(panel.getText()).contains("回拨下一个"));
            browser.signOut();

            browser.signIn("supervisor");
            browser.driver().findElement(By.linkText("实时监控")).click();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(driver -> !driver
                    .findElements(By.id("callbacks-waiting")).isEmpty());
            assertThat(Integer.parseInt(browser.text(By.id("callbacks-waiting")))).isPositive();
            assertThat(browser.text(By.id("callbacks-within-target"))).matches("—|\\d+\\.\\d%");
            browser.screenshot("supervisor-wallboard-callbacks");
        } finally {
            as("agent").post("/api/telephony/agents/me/logout");
            asterisk.reset();
        }
    }
}
