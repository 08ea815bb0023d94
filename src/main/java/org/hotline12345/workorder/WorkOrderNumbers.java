package org.hotline12345.workorder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hotline12345.calendar.WorkingCalendar;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Work-order numbers such as {@code 20261123-000042}: the registration date in the city's zone and a counter that
 * restarts every day, so numbers read well on the phone and sort by registration.
 * <p>
 * The counter row is updated in its own short transaction with asynchronous commit: every registration of a day
 * passes through that row, and holding its lock until the registration commits, or until a disk flush, would
 * serialise them all. This is safe because the registration's own commit flushes the write-ahead log past the
 * counter's commit record, so no durable work order can carry a number the counter forgot. A registration that rolls
 * back leaves a gap, as sequences do.
 */
@ApplicationScoped
public class WorkOrderNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    @Inject
    EntityManager entityManager;

    @Inject
    WorkingCalendar calendar;

    public String next(Instant registeredAt) {
        LocalDate day = LocalDate.ofInstant(registeredAt, calendar.zone());
        long value = QuarkusTransaction.requiringNew().call(() -> {
            entityManager.createNativeQuery("select set_config('synchronous_commit', 'off', true)").getSingleResult();
            return ((Number) entityManager.createNativeQuery("""
                    insert into work_order_number_counter (day, last_value) values (?1, 1)
                    on conflict (day) do update set last_value = work_order_number_counter.last_value + 1
                    returning last_value""").setParameter(1, day).getSingleResult()).longValue();
        });
        return format(day, value);
    }

    static String format(LocalDate day, long value) {
        return DAY.format(day) + "-" + String.format("%06d", value);
    }
}
