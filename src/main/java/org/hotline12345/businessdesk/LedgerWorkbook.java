package org.hotline12345.businessdesk;

import static org.hotline12345.common.Workbooks.bold;
import static org.hotline12345.common.Workbooks.bytes;
import static org.hotline12345.common.Workbooks.header;
import static org.hotline12345.common.Workbooks.row;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.hotline12345.businessdesk.LedgerViews.EntrySummary;
import org.hotline12345.businessdesk.LedgerViews.NotableCase;
import org.hotline12345.businessdesk.LedgerViews.WeeklyFigure;
import org.hotline12345.businessdesk.LedgerViews.WeeklyReport;
import org.hotline12345.common.Labels;
import org.hotline12345.common.Workbooks;

/** The ledger and its weekly report as Excel workbooks (.xlsx), with Chinese headers as the desk reads them. */
public final class LedgerWorkbook {

    public static final String MEDIA_TYPE = Workbooks.MEDIA_TYPE;
    private static final List<String> ENTRY_COLUMNS = List.of("台账编号", "工单编号", "标题", "企业名称", "统一社会信用代码", "营商环境",
            "问题类型", "承办单位", "工单状态", "台账状态", "负责人", "办理时限", "剩余/超期", "登记时间", "销号人", "销号时间");

    private LedgerWorkbook() {
    }

    /** Entries, one row each; streamed, so a long ledger does not fill the memory. */
    public static byte[] entries(List<EntrySummary> entries) {
        return Workbooks.table("台账", ENTRY_COLUMNS, entries.stream().map(LedgerWorkbook::entryCells).toList());
    }

    public static byte[] weekly(WeeklyReport report) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        CellStyle bold = bold(workbook);
        Sheet overview = workbook.createSheet("概况");
        header(overview, List.of("周次", "起", "止", "新增", "销号", "超期", "周末在办"), bold);
        row(overview, 1, List.of(report.week(), report.from(), report.to(), report.created(), report.signedOff(),
                report.overdue(), report.openAtEnd()));
        figures(workbook.createSheet("按营商环境"), "营商环境", report.byEnvironment(), bold);
        figures(workbook.createSheet("按承办单位"), "承办单位", report.byDepartment(), bold);
        Sheet notable = workbook.createSheet("重点案件");
        List<String> columns = new ArrayList<>(List.of("原因"));
        columns.addAll(ENTRY_COLUMNS);
        header(notable, columns, bold);
        int r = 1;
        for (NotableCase notableCase : report.notable()) {
            List<Object> cells = new ArrayList<>(List.of(notableCase.reason()));
            cells.addAll(entryCells(notableCase.entry()));
            row(notable, r++, cells);
        }
        return bytes(workbook);
    }

    private static void figures(Sheet sheet, String name, List<WeeklyFigure> figures, CellStyle bold) {
        header(sheet, List.of(name, "新增", "销号", "超期"), bold);
        int r = 1;
        for (WeeklyFigure figure : figures) {
            row(sheet, r++, List.of(figure.name(), figure.created(), figure.signedOff(), figure.overdue()));
        }
    }

    private static List<Object> entryCells(EntrySummary e) {
        return Arrays.asList(e.id(), e.workOrderNumber(), e.title(),
                e.enterprise() == null ? null : e.enterprise().name(),
                e.enterprise() == null ? null : e.enterprise().creditCode(),
                e.issueKind() == null ? null : e.issueKind().environmentName(),
                e.issueKind() == null ? null : e.issueKind().name(),
                e.leadDepartment() == null ? null : e.leadDepartment().name(), e.workOrderStatus().name(),
                Labels.label(e.status()), e.owner(), e.deadline(), e.remaining(), e.createdAt(),
                e.signedOffBy(), e.signedOffAt());
    }
}
