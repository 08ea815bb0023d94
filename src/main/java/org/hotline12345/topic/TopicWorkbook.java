package org.hotline12345.topic;

import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.hotline12345.common.Workbooks;
import org.hotline12345.topic.TopicReport.Report;
import org.hotline12345.topic.TopicService.Detail;
import org.hotline12345.topic.TopicService.TopicView;

/** The topic report as Excel: one sheet per table of the report page. */
final class TopicWorkbook {

    private TopicWorkbook() {
    }

    static byte[] of(Detail detail) {
        TopicView topic = detail.topic();
        Report report = detail.report();
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        CellStyle bold = Workbooks.bold(workbook);
        TopicReport.Figures f = report.figures();
        Workbooks.sheet(workbook, bold, "概要", List.of("项目", "内容"), List.of(
                List.of("专题", topic.title()), List.of("月份", topic.month()),
                List.of("诉求分类", String.join("、", topic.categoryNames())),
                List.of("关键词", topic.keywords().isEmpty() ? "不限" : String.join("、", topic.keywords())),
                List.of("区域", topic.area()), List.of("统计期间", topic.from() + " 至 " + topic.to()),
                List.of("工单总数", f.total()), List.of("已办结", f.closed()), List.of("在办", f.inProgress()),
                List.of("涉及承办单位", f.departments()), List.of("已答复", f.replied()), List.of("退单（已批准）", f.returned()),
                List.of("回访有满意度", f.rated()), List.of("满意及基本满意", f.satisfied()),
                List.of("状态", topic.statusLabel()),
                List.of("结论", topic.conclusion() == null ? "" : topic.conclusion())));
        Workbooks.sheet(workbook, bold, "按周趋势", List.of("周", "起", "止", "工单"), report.weekly().stream()
                .map(s -> List.<Object> of(s.label(), s.first().toString(), s.last().toString(), s.count())).toList());
        Workbooks.sheet(workbook, bold, "按日趋势", List.of("日期", "工单"), report.daily().stream()
                .map(s -> List.<Object> of(s.first().toString(), s.count())).toList());
        Workbooks.sheet(workbook, bold, "承办单位", List.of("承办单位", "主办工单", "已办结", "按时答复", "退单", "回访有满意度", "满意及基本满意"),
                report.departments().stream().map(d -> List.<Object> of(d.name(), d.workOrders(), d.closed(),
                        d.onTime(), d.returned(), d.rated(), d.satisfied())).toList());
        Workbooks.sheet(workbook, bold, "区域", List.of("区县", "街道", "工单"), report.places().stream()
                .map(p -> List.<Object> of(orNone(p.district()), orNone(p.street()), p.count())).toList());
        Workbooks.sheet(workbook, bold, "诉求分类", List.of("分类编码", "分类", "工单"), report.categories().stream()
                .map(c -> List.<Object> of(c.code(), c.name(), c.count())).toList());
        Workbooks.sheet(workbook, bold, "工单", List.of("工单编号", "标题", "登记时间", "分类", "区域", "承办单位", "办理结果", "状态", "答复单位",
                "最新答复", "满意度"),
                report.workOrders().stream().map(o -> Arrays.<Object> asList(o.number(),
                        o.title(), o.registeredAt(), o.categoryName(), o.area(), o.department(), o.result(),
                        o.statusLabel(), o.replyDepartment(), o.reply(), o.satisfaction())).toList());
        return Workbooks.bytes(workbook);
    }

    private static String orNone(String value) {
        return value == null ? TopicReport.NO_PLACE : value;
    }
}
