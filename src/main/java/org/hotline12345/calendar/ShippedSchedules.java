package org.hotline12345.calendar;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The arrangements that come with the installation: the product's own file, then the operator's files in the order
 * configured. Administrators' years are laid over them.
 */
public record ShippedSchedules(List<Shipped> files) {

    /**
     * @param name the resource or file it was read from
     */
    public record Shipped(HolidaySource source, String name, HolidaySchedule schedule) {
    }

    public ShippedSchedules {
        files = List.copyOf(files);
    }

    /** All files together. */
    public HolidaySchedule merged() {
        return files.stream().map(Shipped::schedule).reduce(HolidaySchedule.empty(), HolidaySchedule::merge);
    }

    /** The file that covers the year, the last one configured where several do. */
    public Optional<Shipped> covering(int year) {
        return files.stream().filter(file -> file.schedule().years().contains(year)).reduce((first, last) -> last);
    }

    /**
     * The schedule with each of the administrators' years in place of what the files say about that year (which may
     * be nothing, for a year they do not cover).
     */
    public HolidaySchedule with(Collection<AdministeredYear> administered) {
        HolidaySchedule schedule = merged().without(administered.stream().map(AdministeredYear::year).toList());
        for (AdministeredYear year : administered) {
            schedule = schedule.merge(year.schedule());
        }
        return schedule;
    }
}
