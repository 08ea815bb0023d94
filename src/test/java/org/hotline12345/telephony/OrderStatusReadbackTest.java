package org.hotline12345.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;

import org.hotline12345.telephony.OrderStatusReadback.Readback;
import org.hotline12345.workorder.WorkOrderStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OrderStatusReadbackTest {

    @Test
    void theKeyedDigitsBecomeAWorkOrderNumber() {
        assertThat(OrderStatusReadback.numberFromDigits("20261124000042")).contains("20261124-000042");
        assertThat(OrderStatusReadback.numberFromDigits("20261124000042#")).contains("20261124-000042");
        assertThat(OrderStatusReadback.numberFromDigits("2026112400004")).isEmpty();
        assertThat(OrderStatusReadback.numberFromDigits("2026112400004x")).isEmpty();
        assertThat(OrderStatusReadback.numberFromDigits("")).isEmpty();
        assertThat(OrderStatusReadback.numberFromDigits(null)).isEmpty();
    }

    @Test
    void aDepartmentsWorkOrderIsReadWithTheDepartmentAndTheDeadline() {
        Readback readback = OrderStatusReadback.of("20261124-000042", WorkOrderStatus.ACCEPTED, "市住建局",
                OffsetDateTime.parse("2026-12-01T18:00:00+08:00"));
        assertThat(readback.text()).isEqualTo("您查询的工单 2 0 2 6 1 1 2 4 0 0 0 0 4 2 市住建局正在办理，办理时限为12月1日。");
        assertThat(readback.prompts()).containsExactly("hotline/order-status-is", "hotline/status-accepted");
    }

    @Test
    void aClosedWorkOrderHasNoDeadlineToRead() {
        Readback readback = OrderStatusReadback.of("20261124-000042", WorkOrderStatus.CLOSED, "市住建局",
                OffsetDateTime.parse("2026-12-01T18:00:00+08:00"));
        assertThat(readback.text()).endsWith("已办结。").doesNotContain("时限");
    }

    @ParameterizedTest
    @EnumSource(WorkOrderStatus.class)
    void everyStatusHasASentenceAndAPromptFile(WorkOrderStatus status) {
        Readback readback = OrderStatusReadback.of("20261124-000042", status, null, null);
        assertThat(readback.text()).startsWith("您查询的工单").endsWith("。");
        assertThat(readback.prompts().get(1)).matches("hotline/status-[a-z-]+");
    }
}
