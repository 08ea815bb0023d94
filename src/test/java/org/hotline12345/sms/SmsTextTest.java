package org.hotline12345.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class SmsTextTest {

    @Test
    void seventyCharactersFitOneMessageWithoutAHeader() {
        String text = "一".repeat(70);
        List<byte[]> parts = SmsText.parts(text, 9);
        assertThat(parts).hasSize(1);
        assertThat(new String(parts.get(0), StandardCharsets.UTF_16BE)).isEqualTo(text);
    }

    @Test
    void longerTextGoesInPartsOfSixtySevenWithTheirHeader() {
        String text = "二".repeat(71);
        List<byte[]> parts = SmsText.parts(text, 0x1FF);
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0)).startsWith(0x05, 0x00, 0x03, 0xFF, 2, 1);
        assertThat(parts.get(1)).startsWith(0x05, 0x00, 0x03, 0xFF, 2, 2);
        assertThat(parts.get(0)).hasSize(6 + 67 * 2);
        StringBuilder joined = new StringBuilder();
        parts.forEach(part -> joined.append(new String(part, 6, part.length - 6, StandardCharsets.UTF_16BE)));
        assertThat(joined).hasToString(text);
    }

    @Test
    void aSurrogatePairIsNeverSplit() {
        String text = "三".repeat(66) + "𠀀" + "四".repeat(10);
        List<byte[]> parts = SmsText.parts(text, 1);
        assertThat(new String(parts.get(0), 6, parts.get(0).length - 6, StandardCharsets.UTF_16BE))
                .isEqualTo("三".repeat(66));
        assertThat(new String(parts.get(1), 6, parts.get(1).length - 6, StandardCharsets.UTF_16BE))
                .startsWith("𠀀");
    }

    @Test
    void tooLongATextIsRefused() {
        assertThatThrownBy(() -> SmsText.parts("五".repeat(67 * 10 + 1), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(SmsText.partCount("五".repeat(67 * 10))).isEqualTo(10);
    }
}
