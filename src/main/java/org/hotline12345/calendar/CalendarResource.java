package org.hotline12345.calendar;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.common.QueryParameters;
import org.hotline12345.security.CurrentActor;
import org.hotline12345.user.Role;

import io.quarkus.security.Authenticated;

/** The working calendar, for pages that show dates and deadlines as people read them. */
@Path("/api/calendar")
@Tag(name = "Working calendar")
@Authenticated
public class CalendarResource {

    /** A year's holidays and make-up workdays; {@code covered} is false when no official schedule is loaded. */
    public record Year(int year, boolean covered, List<CalendarDay> days) {
    }

    /** The deadline of a clock started at {@code start} with {@code limit}. */
    public record Deadline(OffsetDateTime start, String limit, OffsetDateTime deadline) {
    }

    @Inject
    WorkingCalendar calendar;

    @Inject
    HolidayYears years;

    @Inject
    CurrentActor actor;

    @GET
    @Path("/years")
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(summary = "Covered years, each with where its arrangement comes from: bundled, a file, or an administrator")
    public List<HolidayYears.YearView> years() {
        return years.years();
    }

    @PUT
    @Path("/years/{year}")
    @Consumes(MediaType.TEXT_PLAIN)
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(summary = "Save the year's arrangement (lines of `off DATE[..DATE] NAME` and `work DATE NAME`) in place"
            + " of any it had; running deadlines that pass through the year move at once")
    public HolidayYears.Saved save(@PathParam("year") String year, String entries) {
        return years.save(yearOf(year), entries, actor.get());
    }

    @DELETE
    @Path("/years/{year}")
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(summary = "Drop the administrators' arrangement of the year; the bundled or file one, if any, applies"
            + " again")
    public StoredDeadlines.Recalculated delete(@PathParam("year") String year) {
        return years.delete(yearOf(year), actor.get());
    }

    /** Any whole number: the range is a rule of the arrangement, answered with the others. */
    private static int yearOf(String text) {
        return QueryParameters.integer("year", text, 0, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    @GET
    @Path("/{year}")
    @Operation(summary = "Holidays and make-up workdays of a year")
    public Year year(@PathParam("year") String yearText) {
        int year = QueryParameters.integer("year", yearText, 0, 1900, 2200);
        LocalDate first = LocalDate.of(year, 1, 1);
        List<CalendarDay> days = first.datesUntil(first.plusYears(1))
                .filter(date -> calendar.special(date).isPresent())
                .map(date -> calendar.special(date).orElseThrow())
                .toList();
        return new Year(year, calendar.covers(first), days);
    }

    @GET
    @Path("/working-day")
    @Operation(summary = "Whether a date is a working day")
    public boolean isWorkingDay(@QueryParam("date") String date) {
        LocalDate parsed = QueryParameters.date("date", date);
        if (parsed == null) {
            throw InvalidFieldException.malformed("date", "required", "请提供日期，格式如 2026-02-14");
        }
        return calendar.isWorkingDay(parsed);
    }

    @GET
    @Path("/deadline")
    @Operation(summary = "Deadline of a clock started at `start` (ISO-8601 with offset) under `limit` (e.g. 5wd or PT24H)")
    public Deadline deadline(@QueryParam("start") String start, @QueryParam("limit") String limit) {
        OffsetDateTime startTime;
        try {
            startTime = OffsetDateTime.parse(start == null ? "" : start.strip());
        } catch (DateTimeParseException e) {
            throw InvalidFieldException.malformed("start", "datetime", "请提供时间，格式如 2026-02-13T14:00:00+08:00");
        }
        TimeLimit timeLimit;
        try {
            timeLimit = TimeLimit.parse(limit == null ? "" : limit);
        } catch (IllegalArgumentException e) {
            throw InvalidFieldException.malformed("limit", "time-limit", e.getMessage());
        }
        return new Deadline(startTime, timeLimit.toString(),
                timeLimit.deadlineFrom(startTime.toInstant(), calendar).atZone(calendar.zone()).toOffsetDateTime());
    }
}
