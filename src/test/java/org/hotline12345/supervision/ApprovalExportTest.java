package org.hotline12345.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline12345.support.Api.registerDispatched;
import static org.hotline12345.support.Api.step;

import java.util.List;
import java.util.Map;

import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.Excel;
import org.hotline12345.support.Pages;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Each list of the approvals page downloads in full as Excel, for the hotline only. */
@QuarkusTest
class ApprovalExportTest extends DatabaseTest {

    @Test
    void aReplyWaitingForReviewIsInTheRepliesWorkbookAndNotInTheCallbacks() {
        String number = registerDispatched("HOUSING");
        step("housing", number, "accept").statusCode(200);
        step("housing", number, "reply", Map.of("content", "已核实并处理")).statusCode(200);

        List<List<String>> replies = Excel.rows(Pages.as("supervisor").get("/hotline/approvals/export?list=replies")
                .then()
                .statusCode(200).header("Content-Disposition", "attachment; filename=\"replies.xlsx\"").extract()
                .asByteArray());
        assertThat(replies.get(0)).containsExactly("工单编号", "标题", "类型", "承办单位", "登记时间");
        assertThat(replies).filteredOn(row -> row.get(0).equals(number)).singleElement()
                .satisfies(row -> assertThat(row.get(3)).isEqualTo("市住建局"));
        assertThat(Excel.rows(Pages.as("agent").get("/hotline/approvals/export?list=callbacks").then().statusCode(200)
                .extract().asByteArray())).extracting(row -> row.get(0)).doesNotContain(number);
        Pages.as("supervisor").get("/hotline/approvals").then().statusCode(200);

        Pages.as("supervisor").get("/hotline/approvals/export?list=everything").then().statusCode(400);
        Pages.as("housing").get("/hotline/approvals/export?list=replies").then().statusCode(403);
    }
}
