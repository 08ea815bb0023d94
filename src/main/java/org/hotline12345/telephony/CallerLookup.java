package org.hotline12345.telephony;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.common.ServiceUnavailableException;
import org.hotline12345.telephony.CallerProfile.EnterpriseBrief;
import org.hotline12345.telephony.CallerProfile.WorkOrderBrief;
import org.hotline12345.workorder.WorkOrderStatus;

/**
 * Looks a calling number up: blocked?, called before?, an enterprise?, which work orders? One statement answers all
 * four, since it runs for every call in the IVR and again for the screen pop while the phone rings.
 */
@ApplicationScoped
public class CallerLookup {

    /**
     * One row per work order of the number, newest first, or a single row without one; the number's other facts
     * repeat on each row. The enterprise is the desk's record of the number, else the newest request naming one.
     */
    private static final String PROFILE = """
            with caller as (select phone_key(?) as phone)
            select
              (select b.reason from blocked_number b
                where b.phone = caller.phone and (b.expires_at is null or b.expires_at > ?)),
              (select count(*) from call_record c
                where phone_key(c.caller_number) = caller.phone and c.started_at > ? and c.call_id <> ?),
              e.name, e.credit_code,
              w.number, w.status, w.title, w.department, w.registered_at, w.reply_deadline, w.enterprise_request
            from caller
            left join lateral (
              select name, credit_code from (
                (select name, credit_code, 0 as source, null::timestamptz as registered_at from enterprise
                  where phone_key(contact_phone) = caller.phone limit 1)
                union all
                (select enterprise_name, enterprise_credit_code, 1, registered_at from work_order
                  where phone_key(citizen_phone) = caller.phone and enterprise_credit_code is not null
                  order by registered_at desc limit 1)
              ) known order by source limit 1) e on true
            left join lateral (
              select o.number, o.status, o.title, d.name as department, o.registered_at, o.reply_deadline,
                exists (select 1 from ledger_entry l where l.work_order_id = o.id) as enterprise_request
              from work_order o left join department d on d.id = o.lead_department_id
              where phone_key(o.citizen_phone) = caller.phone order by o.registered_at desc limit ?) w on true
            order by w.registered_at desc nulls last
            """;

    @Inject
    DataSource dataSource;

    @Inject
    TelephonyConfig config;

    @Inject
    WorkingCalendar calendar;

    @Inject
    Clock clock;

    /** @param callId the call being looked up, which does not count as an earlier one */
    public CallerProfile profile(String number, String callId) {
        if (number == null || number.isBlank()) {
            return new CallerProfile(number, null, 0, null, List.of());
        }
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(PROFILE)) {
            statement.setString(1, number);
            statement.setTimestamp(2, Timestamp.from(now));
            statement.setTimestamp(3, Timestamp.from(now.minus(config.repeatCallWindow())));
            statement.setString(4, callId == null ? "" : callId);
            statement.setInt(5, config.screenPopHistory());
            try (ResultSet rows = statement.executeQuery()) {
                return read(number, rows);
            }
        } catch (SQLException e) {
            throw new ServiceUnavailableException("The caller's records could not be read", e);
        }
    }

    private CallerProfile read(String number, ResultSet rows) throws SQLException {
        ZoneId zone = calendar.zone();
        String blocked = null;
        int recentCalls = 0;
        EnterpriseBrief enterprise = null;
        List<WorkOrderBrief> workOrders = new ArrayList<>();
        while (rows.next()) {
            blocked = rows.getString(1);
            recentCalls = rows.getInt(2);
            enterprise = rows.getString(4) == null ? null : new EnterpriseBrief(rows.getString(3), rows.getString(4));
            if (rows.getString(5) != null) {
                workOrders.add(new WorkOrderBrief(rows.getString(5), WorkOrderStatus.valueOf(rows.getString(6)),
                        rows.getString(7), rows.getString(8), time(rows.getTimestamp(9), zone),
                        time(rows.getTimestamp(10), zone), rows.getBoolean(11)));
            }
        }
        return new CallerProfile(number, blocked, recentCalls, enterprise, workOrders);
    }

    private static OffsetDateTime time(Timestamp value, ZoneId zone) {
        return value == null ? null : value.toInstant().atZone(zone).toOffsetDateTime();
    }
}
