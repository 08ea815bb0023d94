package org.hotline12345.telephony.callback;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * The hours the hotline's agents take calls, in the city's time zone: around the clock, or from {@code opens} to
 * {@code closes} every day (past midnight when {@code closes} comes first). A call outside them is called back when
 * they open.
 */
public final class ServiceHours {

    private final LocalTime opens;
    private final LocalTime closes;
    private final ZoneId zone;

    private ServiceHours(LocalTime opens, LocalTime closes, ZoneId zone) {
        this.opens = opens;
        this.closes = closes;
        this.zone = zone;
    }

    /**
     * @throws IllegalArgumentException when only one of the two times is set, or both are the same
     */
    public static ServiceHours of(Optional<LocalTime> opens, Optional<LocalTime> closes, ZoneId zone) {
        if (opens.isPresent() != closes.isPresent()) {
            throw new IllegalArgumentException("hotline.telephony.missed-calls.opens and .closes are set together,"
                    + " or neither for service around the clock");
        }
        if (opens.isPresent() && opens.get().equals(closes.get())) {
            throw new IllegalArgumentException("hotline.telephony.missed-calls.opens and .closes are the same time;"
                    + " leave both unset for service around the clock");
        }
        return new ServiceHours(opens.orElse(null), closes.orElse(null), zone);
    }

    public boolean aroundTheClock() {
        return opens == null;
    }

    public boolean open(Instant at) {
        if (aroundTheClock()) {
            return true;
        }
        LocalTime time = at.atZone(zone).toLocalTime();
        return opens.isBefore(closes)
                ? !time.isBefore(opens) && time.isBefore(closes)
                : !time.isBefore(opens) || time.isBefore(closes);
    }

    /** When a call missed at {@code at} can be called back: at once within the hours, else when they open next. */
    public Instant callableFrom(Instant at) {
        if (open(at)) {
            return at;
        }
        ZonedDateTime opening = at.atZone(zone).with(opens);
        return (opening.toInstant().isAfter(at) ? opening : opening.plusDays(1).with(opens)).toInstant();
    }

    /** 08:00–20:00, or 全天 */
    public String describe() {
        return aroundTheClock() ? "全天24小时" : opens + "–" + closes;
    }
}
