package org.hotline12345.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;

import org.hotline12345.calendar.StoredDeadlines.Recalculated;
import org.hotline12345.common.ResourceNotFoundException;
import org.hotline12345.security.Actor;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The years administrators maintain, laid over the shipped arrangements to make the schedule the
 * {@link WorkingCalendar} uses. The instance that saves a year puts it to use at once; every instance reads the table
 * again every {@code hotline.calendar.refresh-every}, on a thread of its own: the calendar is read on request and
 * event-loop threads and inside other features' database work, where a reload on the reader's thread (as
 * {@code RefreshingValue} does) would block or nest a transaction.
 */
@ApplicationScoped
public class HolidayYears {

    private static final Logger LOG = Logger.getLogger(HolidayYears.class);

    /**
     * A covered year and where its arrangement comes from.
     *
     * @param savedBy for an administrator's year: who saved it, and when
     * @param shipped what the installation itself says about the year (bundled or a file), if anything: what applies
     *        again when an administrator's year is deleted
     * @param shippedName the resource or file that says it
     */
    public record YearView(int year, HolidaySource source, String savedBy, String savedByName,
            OffsetDateTime savedAt, HolidaySource shipped, String shippedName) {
    }

    /** A year saved and what it did to the deadlines already running. */
    public record Saved(YearView year, Recalculated deadlines) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    WorkingCalendar calendar;

    @Inject
    ShippedSchedules shipped;

    @Inject
    CalendarConfig config;

    @Inject
    Instance<StoredDeadlines> storedDeadlines;

    @Inject
    Clock clock;

    /** As last read from the database, in year order; replaced whole. */
    private volatile List<AdministeredYear> administered = List.of();

    private final Object refreshing = new Object();

    private ScheduledExecutorService refresher;

    /** Before the other start-up work, which may already compute deadlines. */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION) StartupEvent event) {
        refresh();
        long every = config.refreshEvery().toMillis();
        refresher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "holiday-years-refresh");
            thread.setDaemon(true);
            return thread;
        });
        refresher.scheduleWithFixedDelay(this::refreshOrWarn, every, every, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }

    private void refreshOrWarn() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warnf(e, "Cannot read the holiday years administrators maintain; the calendar stays as it was");
        }
    }

    /** Reads the administrators' years and, where they changed, puts the schedule they make to use. */
    public void refresh() {
        // one at a time, so that an older read never replaces a newer one
        synchronized (refreshing) {
            List<AdministeredYear> loaded = QuarkusTransaction.requiringNew().call(this::load);
            if (!loaded.equals(administered)) {
                calendar.use(shipped.with(loaded));
                administered = loaded;
                LOG.infof("Working calendar covers %s; administrators maintain %s", calendar.coveredYears(),
                        loaded.stream().map(AdministeredYear::year).toList());
            }
        }
    }

    /** Every covered year, shipped or maintained, in order. */
    public List<YearView> years() {
        SortedSet<Integer> years = new TreeSet<>(shipped.merged().years());
        administered.forEach(year -> years.add(year.year()));
        return years.stream().map(this::view).toList();
    }

    public Optional<AdministeredYear> administered(int year) {
        return administered.stream().filter(saved -> saved.year() == year).findFirst();
    }

    /** @throws InvalidHolidayYearException naming the line and the rule */
    private static void validate(int year, String entries) {
        try {
            HolidaySchedule.parseYear(year, entries);
        } catch (HolidaySchedule.InvalidEntry e) {
            throw new InvalidHolidayYearException(e);
        }
    }

    /**
     * Saves an administrator's arrangement of the year, in place of any the year had, moves the running deadlines
     * that pass through it, and uses it here at once.
     */
    public Saved save(int year, String entries, Actor actor) {
        validate(year, entries);
        Instant now = clock.instant();
        Recalculated deadlines = QuarkusTransaction.requiringNew().call(() -> change(year, actor, now, () -> {
            HolidayYear row = entityManager.find(HolidayYear.class, year);
            if (row == null) {
                row = new HolidayYear(year);
                row.save(entries, actor, now);
                entityManager.persist(row);
            } else {
                row.save(entries, actor, now);
            }
        }));
        refresh();
        LOG.infof("%s saved the holiday arrangement of %d; %d running deadlines moved", actor.username(), year,
                deadlines.moved().size());
        return new Saved(view(year), deadlines);
    }

    /** Drops the administrator's arrangement of the year: the shipped one, if any, applies again. */
    public Recalculated delete(int year, Actor actor) {
        Instant now = clock.instant();
        Recalculated deadlines = QuarkusTransaction.requiringNew().call(() -> change(year, actor, now, () -> {
            HolidayYear row = entityManager.find(HolidayYear.class, year);
            if (row == null) {
                throw new ResourceNotFoundException("节假日年份", year);
            }
            entityManager.remove(row);
        }));
        refresh();
        LOG.infof("%s deleted the administrators' holiday arrangement of %d; %d running deadlines moved",
                actor.username(), year, deadlines.moved().size());
        return deadlines;
    }

    /** How many running deadlines fall in the year: what a change of its arrangement may move. */
    public long runningDeadlinesIn(int year) {
        return storedDeadlines.stream().mapToLong(stored -> stored.runningIn(year, calendar)).sum();
    }

    private Recalculated change(int year, Actor actor, Instant now, Runnable write) {
        // one change at a time across instances, each starting from the arrangement the previous one left
        entityManager.createNativeQuery("lock table holiday_year in exclusive mode").executeUpdate();
        WorkingCalendar previous = new WorkingCalendar(calendar.zone(), shipped.with(load()));
        write.run();
        entityManager.flush();
        WorkingCalendar current = new WorkingCalendar(calendar.zone(), shipped.with(load()));
        Recalculated recalculated = Recalculated.NOTHING;
        for (StoredDeadlines stored : storedDeadlines) {
            recalculated = recalculated.plus(stored.recalculate(year, previous, current, actor, now));
        }
        return recalculated;
    }

    private List<AdministeredYear> load() {
        List<AdministeredYear> years = new ArrayList<>();
        for (HolidayYear row : entityManager.createQuery("from HolidayYear order by year", HolidayYear.class)
                .getResultList()) {
            try {
                years.add(new AdministeredYear(row.getYear(), row.getEntries(), row.getSavedBy(),
                        row.getSavedByName(), row.getSavedAt(), HolidaySchedule.parseYear(row.getYear(),
                                row.getEntries())));
            } catch (HolidaySchedule.InvalidEntry e) {
                // saved under rules an older release applied: the shipped arrangement stays until it is saved again
                LOG.errorf("The holiday arrangement of %d saved by %s is not valid any more and is ignored: %s",
                        row.getYear(), row.getSavedBy(), e.explanation());
            }
        }
        return List.copyOf(years);
    }

    private YearView view(int year) {
        Optional<ShippedSchedules.Shipped> file = shipped.covering(year);
        HolidaySource shippedSource = file.map(ShippedSchedules.Shipped::source).orElse(null);
        String shippedName = file.map(ShippedSchedules.Shipped::name).orElse(null);
        return administered(year)
                .map(saved -> new YearView(year, HolidaySource.ADMINISTRATOR, saved.savedBy(), saved.savedByName(),
                        saved.savedAt().atZone(calendar.zone()).toOffsetDateTime(), shippedSource, shippedName))
                .orElseGet(() -> new YearView(year, shippedSource, null, null, null, shippedSource, shippedName));
    }
}
