package org.hotline12345.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Builds the {@link WorkingCalendar} from the schedule the product ships plus any files the operator adds;
 * {@link HolidayYears} lays the administrators' years over it once the database can be read.
 */
public class CalendarProducer {

    static final String BUNDLED = "calendar/holidays-cn.txt";

    @Produces
    @Singleton
    ShippedSchedules shippedSchedules(CalendarConfig config) {
        List<ShippedSchedules.Shipped> files = new ArrayList<>();
        files.add(new ShippedSchedules.Shipped(HolidaySource.BUNDLED, BUNDLED, bundledSchedule()));
        for (Path file : config.extraFiles().orElse(List.of())) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                files.add(new ShippedSchedules.Shipped(HolidaySource.FILE, file.toString(),
                        HolidaySchedule.parse(reader, file.toString())));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read holiday file " + file, e);
            }
        }
        return new ShippedSchedules(files);
    }

    @Produces
    @ApplicationScoped
    WorkingCalendar workingCalendar(CalendarConfig config, ShippedSchedules shipped) {
        return new WorkingCalendar(config.zone(), shipped.merged());
    }

    /** The schedule shipped in the product's resources. */
    public static HolidaySchedule bundledSchedule() {
        try (InputStream in = CalendarProducer.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED + " is missing from the classpath");
            }
            return HolidaySchedule.parse(new InputStreamReader(in, StandardCharsets.UTF_8), BUNDLED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
