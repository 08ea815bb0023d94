package org.hotline12345.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;

import org.hotline12345.support.Browser;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.telephony.peer.AmiEvents;
import org.hotline12345.telephony.peer.AmiEvents.Channel;
import org.hotline12345.telephony.peer.AmiEvents.Member;
import org.hotline12345.telephony.peer.FakeAsterisk;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The supervisor's live wallboard in a real browser: callers and agents appear as Asterisk reports them. */
@QuarkusTest
@TestProfile(TelephonyProfile.class)
class WallboardPageBrowserTest extends DatabaseTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void waitingCallersAndAgentsShowUpLiveForTheSupervisorOnly() {
        FakeAsterisk asterisk = TelephonyTestPeers.actingOnQueueActions();
        Member member = new Member("hotline", "PJSIP/1401", "desk2");
        Channel caller = Channel.caller("PJSIP/trunk-board", "1793000000." + System.nanoTime() % 100_000,
                "13912340000");
        try (Browser browser = Browser.open(base.toString())) {
            browser.signIn("supervisor");
            browser.driver().findElement(By.linkText("实时监控")).click();
            String waiting = browser.text(By.id("hotline-waiting"));

            asterisk.event(AmiEvents.queueMemberAdded(member));
            asterisk.event(AmiEvents.queueMemberPause(member, true, "培训"));
            asterisk.event(AmiEvents.queueCallerJoin(caller, "hotline", 1, 1));

            browser.awaitText(By.id("hotline-waiting"), String.valueOf(Integer.parseInt(waiting) + 1));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions
                    .textToBePresentInElementLocated(By.cssSelector("#agents tr[data-username=desk2]"), "培训"));
            assertThat(browser.text(By.cssSelector("#agents tr[data-username=desk2] .state"))).isEqualTo("示忙");
            assertThat(browser.text(By.id("hotline-share"))).matches("—|\\d+\\.\\d%");
            browser.screenshot("supervisor-wallboard");

            asterisk.event(AmiEvents.queueCallerLeave(caller, "hotline", 1, 0));
            asterisk.event(AmiEvents.queueMemberRemoved(member));
            browser.awaitText(By.id("hotline-waiting"), waiting);
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions
                    .numberOfElementsToBe(By.cssSelector("#agents tr[data-username=desk2]"), 0));
            browser.signOut();

            browser.signIn("agent");
            browser.go("/supervisor/wallboard");
            assertThat(browser.driver().findElements(By.id("queues"))).isEmpty();
        }
    }
}
