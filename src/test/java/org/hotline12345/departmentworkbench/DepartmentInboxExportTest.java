package org.hotline12345.departmentworkbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline12345.support.Api.registerDispatched;

import java.util.List;

import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.Excel;
import org.hotline12345.support.Pages;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** A department downloads its own inbox, and only its own. */
@QuarkusTest
class DepartmentInboxExportTest extends DatabaseTest {

    @Test
    void theInboxExportsWhatTheDepartmentHolds() {
        String ours = registerDispatched("HOUSING");
        String theirs = registerDispatched("SAMR");

        List<List<String>> housing = Excel.rows(Pages.as("housing").get("/department/export").then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"inbox.xlsx\"").extract().asByteArray());
        assertThat(housing.get(0)).startsWith("工单编号", "标题", "类型", "状态", "牌");
        assertThat(housing).extracting(row -> row.get(0)).contains(ours).doesNotContain(theirs);
        assertThat(housing).filteredOn(row -> row.get(0).equals(ours)).singleElement()
                .satisfies(row -> assertThat(row.get(3)).isEqualTo("已派单"));
        assertThat(Excel.rows(Pages.as("market").get("/department/export?q=" + ours).then().statusCode(200).extract()
                .asByteArray())).hasSize(1);
    }
}
