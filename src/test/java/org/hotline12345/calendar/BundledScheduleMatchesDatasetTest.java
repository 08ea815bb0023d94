package org.hotline12345.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The schedule the product encodes itself agrees, date for date, with the official arrangements published as
 * ../shared/datasets/holidays (NateScarlet/holiday-cn); skipped where that folder is absent.
 */
class BundledScheduleMatchesDatasetTest {

    private static final Path DATASET = Path.of("../shared/datasets/holidays");

    @ParameterizedTest
    @ValueSource(ints = {2024, 2025, 2026})
    void sameDaysOffAndMakeUpDays(int year) throws IOException {
        Path file = DATASET.resolve(year + ".json");
        assumeTrue(Files.isRegularFile(file), "dataset not present: " + file);
        Map<LocalDate, Boolean> official = new HashMap<>();
        for (JsonNode day : new ObjectMapper().readTree(file.toFile()).get("days")) {
            official.put(LocalDate.parse(day.get("date").asText()), !day.get("isOffDay").asBoolean());
        }
        Map<LocalDate, Boolean> bundled = new HashMap<>();
        CalendarProducer.bundledSchedule().days().values().stream()
                .filter(day -> day.date().getYear() == year)
                .forEach(day -> bundled.put(day.date(), day.working()));
        assertThat(bundled).isEqualTo(official);
        assertThat(CalendarProducer.bundledSchedule().years()).contains(year);
    }
}
