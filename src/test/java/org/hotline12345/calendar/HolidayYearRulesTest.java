package org.hotline12345.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;

import org.hotline12345.calendar.HolidaySchedule.InvalidEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules a year's arrangement must keep before an administrator's save is accepted. */
class HolidayYearRulesTest {

    static final String YEAR_2027 = """
            # 2027 (made up for the tests)
            off  2027-01-01              元旦
            off  2027-02-06..2027-02-12  春节
            work 2027-02-14              春节
            work 2027-02-20              春节
            """;

    static InvalidEntry refusal(int year, String text) {
        InvalidEntry refused = catchThrowableOfType(() -> HolidaySchedule.parseYear(year, text), InvalidEntry.class);
        assertThat(refused).as("refused: " + text).isNotNull();
        return refused;
    }

    @Test
    void aValidYearIsCoveredWithItsDaysAndNeedsNoYearLine() {
        HolidaySchedule schedule = HolidaySchedule.parseYear(2027, YEAR_2027);
        assertThat(schedule.years()).containsExactly(2027);
        assertThat(schedule.days()).hasSize(10);
        assertThat(schedule.days().get(LocalDate.parse("2027-02-14")).working()).isTrue();
        assertThat(schedule.days().get(LocalDate.parse("2027-02-08")).working()).isFalse();
        assertThat(HolidaySchedule.parseYear(2027, "year 2027\n" + YEAR_2027)).isEqualTo(schedule);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a date of another year | off 2026-12-31 元旦 | same-year | 2026-12-31 不在 2027 年",
            "a range reaching into the next year | off 2027-12-31..2028-01-01 元旦 | same-year | 2028-01-01 不在 2027 年",
            "a year line of another year | year 2026 | same-year | 这里写的是 2026 年",
            "a make-up day on a weekday | work 2027-03-01 春节 | weekend | 2027-03-01 是星期一，调休上班日必须是星期六或星期日",
            "a day off listed twice | off 2027-02-12 春节 | once | 2027-02-12 重复列出",
            "a make-up day that is off too | work 2027-02-06 春节 | once | 2027-02-06 重复列出",
            "an unknown keyword | holiday 2027-05-01 劳动节 | keyword | 行首应为 year、off 或 work",
            "a malformed date | off 2027-13-01 元旦 | syntax | 写法无法识别",
            "an entry without a name | off 2027-05-01 | name | 需要日期和节日名称",
            "a range backwards | off 2027-05-05..2027-05-01 劳动节 | range | 日期范围的结束早于开始",
    })
    void eachRuleNamesTheLineInChinese(String what, String line, String rule, String problem) {
        int number = 6;
        InvalidEntry refused = refusal(2027, YEAR_2027 + line + "\n");
        assertThat(refused.rule()).isEqualTo(rule);
        assertThat(refused.line()).isEqualTo(number);
        assertThat(refused.explanation()).startsWith("第 " + number + " 行“" + line + "”：").contains(problem);
    }

    @Test
    void theLineCountsFromTheTopOfWhatWasPasted() {
        InvalidEntry refused = refusal(2027, YEAR_2027 + "\n\noff 2027-01-01 元旦\n");
        assertThat(refused.line()).isEqualTo(8);
        assertThat(refused.rule()).isEqualTo("once");
    }

    @Test
    void theYearMustLieBetween2000And2100() {
        assertThat(refusal(1999, "off 1999-01-01 元旦").rule()).isEqualTo("year-range");
        assertThat(refusal(2101, "off 2101-01-01 元旦").explanation()).isEqualTo("年份须在 2000 至 2100 之间");
        assertThat(HolidaySchedule.parseYear(2000, "off 2000-01-01 元旦").years()).containsExactly(2000);
        assertThat(HolidaySchedule.parseYear(2100, "off 2100-01-01 元旦").years()).containsExactly(2100);
    }

    @Test
    void aYearWithoutADayOffIsRefused() {
        assertThat(refusal(2027, "# nothing yet\n").rule()).isEqualTo("days-off");
        assertThat(refusal(2027, "").explanation()).isEqualTo("没有列出放假日期：至少需要一行 off");
        assertThat(refusal(2027, "work 2027-02-06 春节").rule()).isEqualTo("days-off");
    }

    @Test
    void controlCharactersLongNamesAndHugeTextsAreRefused() {
        assertThat(refusal(2027, "off 2027-01-01 元\u0000旦").rule()).isEqualTo("text");
        assertThat(refusal(2027, "off 2027-01-01 " + "节".repeat(31)).rule()).isEqualTo("name");
        assertThat(refusal(2027, "#" + "x".repeat(HolidaySchedule.MAX_TEXT_LENGTH)).rule()).isEqualTo("size");
        assertThat(HolidaySchedule.parseYear(2027, "off\t2027-01-01\t元旦").days()).hasSize(1);
    }

    @Test
    void filesKeepTheirFormerRulesAndEnglishMessages() throws IOException {
        HolidaySchedule file = HolidaySchedule.parse(new StringReader("year 2027\noff 2026-12-31 元旦\n"), "f.txt");
        assertThat(file.days()).containsKey(LocalDate.parse("2026-12-31"));
        InvalidEntry refused = catchThrowableOfType(
                () -> HolidaySchedule.parse(new StringReader("work 2027-01-04 元旦\n"), "f.txt"), InvalidEntry.class);
        assertThat(refused).hasMessage("f.txt:1: 2027-01-04 is a weekday and cannot be a make-up workday");
    }

    @Test
    void aYearWrittenOutReadsBackAsTheSameDays() {
        HolidaySchedule bundled = CalendarProducer.bundledSchedule();
        for (int year : bundled.years()) {
            HolidaySchedule written = HolidaySchedule.parseYear(year, bundled.format(year));
            assertThat(written).isEqualTo(bundled.without(bundled.years().stream().filter(y -> y != year).toList()));
        }
        assertThat(bundled.stretches(2026)).first().isEqualTo(new HolidaySchedule.Stretch(
                LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-03"), false, "元旦"));
    }
}
