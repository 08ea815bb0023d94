package org.hotline12345.deadline;

import javax.sql.DataSource;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.notification.NotificationStore;

public class SupervisionProducers {

    @Produces
    @Singleton
    CardPolicy cardPolicy(WorkingCalendar calendar, SupervisionConfig config) {
        return new CardPolicy(calendar, config.yellowMargin(), config.yellowShare(), config.escalateAfterWorkingDays());
    }

    @Produces
    @Singleton
    DeadlineSupervisor deadlineSupervisor(DataSource dataSource, CardPolicy policy, WorkingCalendar calendar,
            SupervisionConfig config) {
        return new DeadlineSupervisor(dataSource, policy, new NotificationStore(), calendar, config.batchSize());
    }
}
