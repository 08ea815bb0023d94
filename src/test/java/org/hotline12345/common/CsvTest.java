package org.hotline12345.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void readsWhatSpreadsheetsWrite() {
        String text = "\uFEFFa,b,c\r\n1,\"two, with comma\",\"say \"\"hi\"\"\"\r\n\r\n\"multi\nline\",,x\n";
        assertThat(Csv.parse(text)).containsExactly(List.of("a", "b", "c"),
                List.of("1", "two, with comma", "say \"hi\""), List.of("multi\nline", "", "x"));
    }

    @Test
    void writesWhatItReads() {
        List<String> fields = List.of("plain", "a,b", "q\"q", "", "中文");
        assertThat(Csv.line(fields)).isEqualTo("plain,\"a,b\",\"q\"\"q\",,中文\r\n");
        assertThat(Csv.parse(Csv.line(fields))).containsExactly(fields);
    }
}
