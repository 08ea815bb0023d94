package org.hotline12345.telephony.callback;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** 漏接回拨: the service hours, the callback target and how callbacks are tried again. */
@ConfigMapping(prefix = "hotline.telephony.missed-calls")
public interface MissedCallConfig {

    /**
     * When the hotline's agents start taking calls each day; unset together with {@code closes}: around the clock
     * (7×24, as 国办发〔2020〕53号 asks of 12345). Outside the hours the IVR records the caller for a callback.
     */
    Optional<LocalTime> opens();

    /** When they stop; before {@code opens} for hours that run past midnight. */
    Optional<LocalTime> closes();

    /** A missed call is to be called back within this of when it could be (国办函〔2025〕66号: 30 minutes). */
    @WithDefault("PT30M")
    Duration callbackTarget();

    /** Busy or unanswered callbacks of one entry are tried up to this many times in all. */
    @WithDefault("3")
    int maxAttempts();

    /** How long after a busy or unanswered callback the number is offered again. */
    @WithDefault("PT10M")
    Duration retryAfter();

    /** An entry an agent took and recorded no outcome for goes back to the list after this. */
    @WithDefault("PT15M")
    Duration claimTimeout();

    /** How often the call records are read for calls missed since. */
    @WithDefault("PT5S")
    Duration scanEvery();

    /** How far back those reads look (calls recorded late, e.g. reconciled after an outage, still count). */
    @WithDefault("P2D")
    Duration lookBack();
}
