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
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.common.ServiceUnavailableException;
import org.hotline12345.telephony.CallerProfile.EnterpriseBrief;
import org.hotline12345.telephony.CallerProfile.WorkOrderBrief;
import org.hotline12345.workorder.WorkOrderReads;

/**
 * Looks a calling number up: blocked?, called before?, an enterprise?, which work orders? One statement answers all
 * four, since it runs for every call in the IVR and again for the screen pop while the phone rings.
 */
@ApplicationScoped
public class CallerLookup {

    /**
     * The number's own facts in one row: whether it is blocked, its earlier calls, the desk's enterprise of the number,
     * and its key, under which its work orders are read from {@link WorkOrderReads} on the same connection.
     */
    private static final String PROFILE = """
            with caller as (select phone_key(?) as phone)
            select
              (select b.reason from blocked_number b
                where b.phone = caller.phone and (b.expires_at is null or b.expires_at > ?)),
              (select count(*) from call_record c
                where phone_key(c.caller_number) = caller.phone and c.started_at > ? and c.call_id <> ?),
              e.name, e.credit_code, caller.phone
            from caller
            left join lateral (select name, credit_code from enterprise
              where phone_key(contact_phone) = caller.phone limit 1) e on true
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
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return read(connection, number, row);
            }
        } catch (SQLException e) {
            throw new ServiceUnavailableException("The caller's records could not be read", e);
        }
    }

    /** The enterprise is the desk's record of the number, else the one its newest request names. */
    private CallerProfile read(Connection connection, String number, ResultSet row) throws SQLException {
        ZoneId zone = calendar.zone();
        String phone = row.getString(5);
        EnterpriseBrief enterprise = row.getString(4) != null
                ? new EnterpriseBrief(row.getString(3), row.getString(4))
                : WorkOrderReads.enterpriseOfPhone(connection, phone)
                        .map(named -> new EnterpriseBrief(named.name(), named.creditCode())).orElse(null);
        List<WorkOrderBrief> workOrders = WorkOrderReads.ofPhone(connection, phone, config.screenPopHistory()).stream()
                .map(order -> new WorkOrderBrief(order.number(), order.status(), order.title(), order.department(),
                        time(order.registeredAt(), zone), time(order.replyDeadline(), zone),
                        order.enterpriseRequest()))
                .toList();
        return new CallerProfile(number, row.getString(1), row.getInt(2), enterprise, workOrders);
    }

    private static OffsetDateTime time(Instant value, ZoneId zone) {
        return value == null ? null : value.atZone(zone).toOffsetDateTime();
    }
}
