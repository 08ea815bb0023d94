package org.hotline12345.calendar;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hotline12345.common.HotlineException;
import org.hotline12345.common.Violation;

/** 422: the arrangement an administrator entered breaks a rule; names the line and the rule, in Chinese. */
public class InvalidHolidayYearException extends HotlineException {

    private final HolidaySchedule.InvalidEntry entry;

    public InvalidHolidayYearException(HolidaySchedule.InvalidEntry entry) {
        super(entry.explanation());
        this.entry = entry;
    }

    @Override
    public int status() {
        return 422;
    }

    @Override
    public String kind() {
        return "unprocessable";
    }

    @Override
    public Map<String, Object> properties() {
        Map<String, Object> properties = new HashMap<>();
        String field = "year-range".equals(entry.rule()) ? "year" : "entries";
        properties.put("violations", List.of(new Violation(field, entry.rule(), entry.explanation())));
        if (entry.line() > 0) {
            properties.put("line", entry.line());
        }
        return properties;
    }
}
