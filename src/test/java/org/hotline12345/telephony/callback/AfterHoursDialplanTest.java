package org.hotline12345.telephony.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The shipped dialplan's after-hours path, as the callback list needs it: the IVR leaves for it when
 * {@code caller-lookup} says the hours are over, it asks the service to note the caller, and every prompt it plays is
 * in the list of prompts to record.
 */
class AfterHoursDialplanTest {

    private static final Path TELEPHONY = Path.of("telephony");

    @Test
    void theIvrSendsCallersAfterHoursToBeNotedForACallback() throws IOException {
        String dialplan = Files.readString(TELEPHONY.resolve("extensions.conf"));
        assertThat(section(dialplan, "hotline-ivr"))
                .containsPattern(Pattern.compile("GotoIf\\(\\$\\[\"\\$\\{HOTLINE_AFTER_HOURS}\" = \"1\"]"
                        + "\\?hotline-after-hours,s,1\\)"));
        String afterHours = section(dialplan, "hotline-after-hours");
        assertThat(afterHours).contains("AGI(agi://${HOTLINE_AGI}/after-hours)").contains("HOTLINE_CALLBACK_NOTED");
        String prompts = Files.readString(TELEPHONY.resolve("sounds/prompts.md"));
        Pattern.compile("Playback\\((hotline/[\\w-]+)\\)").matcher(afterHours).results()
                .forEach(played -> assertThat(prompts).contains("`" + played.group(1) + "`"));
        assertThat(afterHours).contains("Playback(hotline/after-hours-callback)");
    }

    /** The lines of one section, up to the next. */
    private static String section(String text, String name) {
        return List.of(text.split("(?m)^(?=\\[)")).stream().filter(s -> s.startsWith("[" + name + "]")).findFirst()
                .orElseThrow(() -> new AssertionError("no [" + name + "] section"));
    }
}
