package org.hotline12345.access;

import java.util.Arrays;
import java.util.List;

import jakarta.ws.rs.core.Response;

import org.hotline12345.common.Labels;
import org.hotline12345.common.Workbooks;

/** The access record as an Excel file, for the page and the API alike. */
final class AccessRecordWorkbook {

    /** Most rows one file holds; the filters narrow a longer record down. */
    static final int MAX_ROWS = 10_000;

    private AccessRecordWorkbook() {
    }

    static Response download(List<AccessRecordQuery.ReadView> reads) {
        List<List<Object>> rows = reads.stream().map(read -> Arrays.<Object> asList(read.at(), read.username(),
                read.roleName(), read.workOrderNumber(), read.masked() ? "是" : "否", Labels.label(read.channel()),
                read.endpoint())).toList();
        return Response.ok(Workbooks.table("个人信息查阅记录", List.of("查阅时间", "查阅人", "角色", "工单编号", "是否脱敏", "途径",
                "页面或接口"), rows), Workbooks.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"access-record.xlsx\"").build();
    }
}
