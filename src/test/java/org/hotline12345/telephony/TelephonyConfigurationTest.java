package org.hotline12345.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.hotline12345.workorder.WorkOrderStatus;
import org.junit.jupiter.api.Test;

import io.smallrye.config.SmallRyeConfigBuilder;

/** The shipped Asterisk configuration uses the names the service answers to (telephony/CONTRACT.md). */
class TelephonyConfigurationTest {

    private static final Path TELEPHONY = Path.of("telephony");
    private static final Pattern SECTION = Pattern.compile("^\\[([\\w-]+)\\]", Pattern.MULTILINE);
    private static final Pattern AGI = Pattern.compile("AGI\\(agi://\\$\\{HOTLINE_AGI}/([\\w-]+)");

    /** The service's defaults, as a deployment with only the AMI host and secret set gets them. */
    private final TelephonyConfig defaults = new SmallRyeConfigBuilder().withMapping(TelephonyConfig.class).build()
            .getConfigMapping(TelephonyConfig.class);

    @Test
    void theDialplanAsksOnlyTheScriptsTheFastAgiServerHas() throws IOException {
        Set<String> asked = matches(AGI, read("extensions.conf"));
        assertThat(asked).containsExactlyInAnyOrderElementsOf(FastAgiServer.SCRIPTS);
    }

    @Test
    void theQueuesAndContextsTheServiceUsesExist() throws IOException {
        assertThat(matches(SECTION, read("queues.conf"))).contains(defaults.queues().hotline(),
                defaults.queues().desk());
        String dialplan = read("extensions.conf");
        assertThat(matches(SECTION, dialplan)).contains(defaults.dialplan().outboundContext(),
                defaults.dialplan().emergencyContext(), defaults.dialplan().consultContext());
        String emergency = context(dialplan, defaults.dialplan().emergencyContext());
        for (String target : CallControl.TRANSFER_TARGETS) {
            assertThat(emergency).contains("exten => " + target + ",");
        }
        assertThat(dialplan).contains("UserEvent(HotlineRecording,Recording: ");
    }

    @Test
    void theManagerUserMayReadTheEventsAndSendTheActionsTheServiceNeeds() throws IOException {
        String hotline = context(read("manager.conf"), defaults.ami().username());
        assertThat(hotline).containsPattern("read = .*call").containsPattern("read = .*agent")
                .containsPattern("read = .*user").containsPattern("write = .*originate")
                .containsPattern("write = .*agent");
    }

    @Test
    void theCarrierNeverHearsTheAgentsIdentity() throws IOException {
        String carrier = List.of(read("pjsip.conf").split("(?m)^(?=\\[)")).stream()
                .filter(section -> section.startsWith("[carrier]\ntype = endpoint")).findFirst().orElseThrow();
        assertThat(carrier).contains("send_connected_line = no");
    }

    @Test
    void theTonesTheDialplanPlaysAreShippedAndModulesThatWantStockFilesAreNotLoaded() throws IOException {
        assertThat(read("extensions.conf")).contains("Busy(").contains("Congestion(");
        assertThat(read("indications.conf")).contains("country = cn").containsPattern("(?m)^busy = ")
                .containsPattern("(?m)^congestion = ");
        assertThat(read("modules.conf")).contains("noload = app_voicemail.so", "noload = res_ari.so",
                "noload = cdr_pgsql.so", "noload = res_calendar.so");
        assertThat(read("README.md")).contains("confbridge show profile users")
                .doesNotContain("confbridge profile show");
    }

    @Test
    void theIvrIsAShortGreetingWithKeysThenTheQueueAtOnce() throws IOException {
        String ivr = context(read("extensions.conf"), "hotline-ivr");
        assertThat(ivr).contains("Background(hotline/welcome)").contains("WaitExten(${IVR_KEY_GRACE})")
                .doesNotContain("WaitExten(5)").doesNotContain("hotline/welcome&hotline/menu");
        assertThat(read("extensions.conf")).containsPattern("(?m)^IVR_KEY_GRACE = 1$");
    }

    @Test
    void recordingsAreAnnouncedForCallbacksAndWrittenToTheQueueLog() throws IOException {
        String dialplan = read("extensions.conf");
        assertThat(context(dialplan, "hotline-enqueue"))
                .contains("QueueLog(${HOTLINE_QUEUE},${UNIQUEID},NONE,RECORDING,${HOTLINE_RECORDING})");
        assertThat(context(dialplan, "hotline-dial-trunk"))
                .contains("UserEvent(HotlineRecording,Recording: ${HOTLINE_RECORDING})");
        assertThat(read("extconfig.conf")).contains("queue_log => pgsql,hotline,asterisk_queue_log");
        assertThat(read("logger.conf")).contains("queue_adaptive_realtime = yes")
                .contains("queue_log_realtime_use_gmt = yes");
    }

    @Test
    void everyPromptTheOrderStatusReadbackNamesIsListed() throws IOException {
        String prompts = read("sounds/prompts.md");
        for (WorkOrderStatus status : WorkOrderStatus.values()) {
            for (String prompt : OrderStatusReadback.of("20261124-000042", status, null, null).prompts()) {
                assertThat(prompts).as(status.name()).contains("`" + prompt + "`");
            }
        }
    }

    private static String read(String file) throws IOException {
        return Files.readString(TELEPHONY.resolve(file));
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.results().map(result -> result.group(1)).collect(Collectors.toSet());
    }

    /** The lines of one section, up to the next. */
    private static String context(String text, String name) {
        List<String> sections = List.of(text.split("(?m)^(?=\\[)"));
        return sections.stream().filter(section -> section.startsWith("[" + name + "]")).findFirst()
                .orElseThrow(() -> new AssertionError("no [" + name + "] section"));
    }
}
