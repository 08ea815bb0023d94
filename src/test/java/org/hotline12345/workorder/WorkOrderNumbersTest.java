package org.hotline12345.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.Shanghai;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Numbers are drawn as one block per day for the registrations written together. */
@QuarkusTest
class WorkOrderNumbersTest extends DatabaseTest {

    @Inject
    WorkOrderNumbers numbers;

    @Test
    void aBatchGetsConsecutiveNumbersPerDayInItsOrder() {
        // 2031-01-01 23:30 and 2031-01-02 00:30 in the city are two days, whatever the UTC date
        Instant lateOnNewYearsDay = Shanghai.at("2031-01-01T23:30");
        Instant nextMorning = Shanghai.at("2031-01-02T00:30");
        List<String> drawn = numbers.next(List.of(lateOnNewYearsDay, nextMorning, lateOnNewYearsDay));

        assertThat(drawn.get(0)).startsWith("20310101-");
        assertThat(drawn.get(1)).startsWith("20310102-");
        assertThat(counter(drawn.get(2))).isEqualTo(counter(drawn.get(0)) + 1);
        assertThat(numbers.next(List.of(lateOnNewYearsDay))).containsExactly(
                WorkOrderNumbers.format(java.time.LocalDate.of(2031, 1, 1), counter(drawn.get(2)) + 1));
    }

    @Test
    void concurrentBlocksNeverShareANumber() throws Exception {
        Instant day = Shanghai.at("2031-03-03T10:00");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<String> all = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> drawers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                drawers.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        all.addAll(numbers.next(List.of(day, day, day)));
                    }
                }));
            }
            for (Future<?> drawer : drawers) {
                drawer.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(all).hasSize(300).doesNotHaveDuplicates().allMatch(number -> number.startsWith("20310303-"));
    }

    private static int counter(String number) {
        return Integer.parseInt(number.substring(number.indexOf('-') + 1));
    }
}
