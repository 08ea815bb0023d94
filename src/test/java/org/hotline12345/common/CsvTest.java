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

    @Test
    void aCellThatASpreadsheetWouldRunAsAFormulaIsWrittenAsText() {
        List<String> formulas = List.of("=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR",
                "=HYPERLINK(\"http://x\",\"y\")");
        assertThat(Csv.line(formulas)).isEqualTo("'=cmd|' /C calc'!A0,'+1+1,'-2+3,'@SUM(A1),'\tTAB,\"'\rCR\","
                + "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n");
        assertThat(Csv.line(List.of("a=b", "1-2", "x@y.cn", "'quoted"))).isEqualTo("a=b,1-2,x@y.cn,'quoted\r\n");
    }

    @Test
    void theServicesOwnFilesReadBackAsTheyWereWritten() {
        List<String> fields = List.of("=cmd|' /C calc'!A0", "-", "'quoted", "'=kept", "''+two", "\tTAB", "plain");
        assertThat(Csv.line(fields)).startsWith("'=cmd|' /C calc'!A0,'-,'quoted,''=kept,'''+two,");
        assertThat(Csv.parse(Csv.line(fields))).containsExactly(fields);
    }
}
