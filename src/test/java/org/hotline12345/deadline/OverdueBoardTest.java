package org.hotline12345.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline12345.support.Api.registerDispatched;
import static org.hotline12345.support.Api.step;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.MutableClock;
import org.hotline12345.support.Pages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The overdue board lists each department's late work orders, on the page and in Excel, for supervisors only. */
@QuarkusTest
class OverdueBoardTest extends DatabaseTest {

    @Inject
    MutableClock clock;

    @Inject
    OverdueBoard board;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void lateWorkOrdersShowUnderTheirDepartmentWithHowLateTheyAre() throws Exception {
        String neverAccepted = registerDispatched("D-EAST");
        String acceptedNotReplied = registerDispatched("D-EAST");
        String replied = registerDispatched("D-EAST");
        step("east", acceptedNotReplied, "accept").statusCode(200);
        step("east", replied, "accept").statusCode(200);
        step("east", replied, "reply", Map.of("content", "已处理")).statusCode(200);
        clock.set(clock.instant().plus(Duration.ofDays(20)));

        OverdueBoard.DepartmentLine east = board.lines().stream().filter(line -> line.code().equals("D-EAST"))
                .findFirst().orElseThrow();
        assertThat(east.orders()).extracting(OverdueBoard.LateOrder::number).contains(neverAccepted,
                acceptedNotReplied).doesNotContain(replied);
        assertThat(east.orders()).filteredOn(order -> order.number().equals(neverAccepted)).singleElement()
                .satisfies(order -> {
                    assertThat(order.clock()).isEqualTo("签收");
                    assertThat(order.late()).startsWith("超期").contains("个工作日");
                });
        assertThat(east.lateToAccept()).isPositive();
        assertThat(east.lateToReply()).isPositive();

        String page = Pages.as("supervisor").get("/supervisor/overdue").then().statusCode(200).extract().asString();
        assertThat(page).contains(neverAccepted).contains(acceptedNotReplied).contains("城东区");
        byte[] excel = Pages.as("supervisor").get("/supervisor/overdue/export").then().statusCode(200).extract()
                .asByteArray();
        List<String> numbers = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(excel))) {
            for (Row row : workbook.getSheetAt(0)) {
                numbers.add(row.getCell(1).getStringCellValue());
            }
        }
        assertThat(numbers).contains("工单编号", neverAccepted, acceptedNotReplied).doesNotContain(replied);
        Pages.as("agent").get("/supervisor/overdue").then().statusCode(403);
        Pages.as("east").get("/supervisor/overdue/export").then().statusCode(403);
    }
}
