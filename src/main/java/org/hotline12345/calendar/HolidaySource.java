package org.hotline12345.calendar;

/** Where the arrangement of a covered year comes from. */
public enum HolidaySource {
    /** shipped in the product, calendar/holidays-cn.txt */
    BUNDLED,
    /** a file the operator names in hotline.calendar.extra-files */
    FILE,
    /** saved by an administrator on /admin/calendar; replaces a shipped or file arrangement of the same year */
    ADMINISTRATOR
}
