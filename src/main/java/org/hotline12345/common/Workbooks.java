package org.hotline12345.common;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** What every Excel export shares: a bold, frozen header row, typed cells, times to the minute, streaming writes. */
public final class Workbooks {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Workbooks() {
    }

    /** One sheet with a header row and a row per entry. */
    public static byte[] table(String sheetName, List<String> columns, List<? extends List<?>> rows) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        sheet(workbook, bold(workbook), sheetName, columns, rows);
        return bytes(workbook);
    }

    /** A sheet more of the workbook, with its header row and a row per entry (a workbook of several tables). */
    public static void sheet(SXSSFWorkbook workbook, CellStyle bold, String sheetName, List<String> columns,
            List<? extends List<?>> rows) {
        Sheet sheet = workbook.createSheet(sheetName);
        header(sheet, columns, bold);
        int r = 1;
        for (List<?> values : rows) {
            row(sheet, r++, values);
        }
    }

    public static void header(Sheet sheet, List<String> names, CellStyle bold) {
        Row row = sheet.createRow(0);
        for (int c = 0; c < names.size(); c++) {
            Cell cell = row.createCell(c);
            cell.setCellValue(names.get(c));
            cell.setCellStyle(bold);
        }
        sheet.createFreezePane(0, 1);
    }

    public static void row(Sheet sheet, int index, List<?> values) {
        Row row = sheet.createRow(index);
        for (int c = 0; c < values.size(); c++) {
            Object value = values.get(c);
            Cell cell = row.createCell(c);
            if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else if (value instanceof OffsetDateTime time) {
                cell.setCellValue(MINUTE.format(time));
            } else if (value != null) {
                cell.setCellValue(value.toString());
            }
        }
    }

    public static CellStyle bold(SXSSFWorkbook workbook) {
        Font font = workbook.createFont();
        font.setBold(true);
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        return style;
    }

    public static byte[] bytes(SXSSFWorkbook workbook) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
            try {
                workbook.close();
            } catch (IOException ignored) {
                // nothing is left to release once disposed
            }
        }
    }
}
