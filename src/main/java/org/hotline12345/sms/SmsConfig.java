package org.hotline12345.sms;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hotline.sms")
public interface SmsConfig {

    /** The operator's SMSC; without {@code hotline.sms.smsc.host} the messages go to the log instead. */
    Smsc smsc();

    /** The number citizens see the messages come from (source_addr), e.g. the hotline's 12345 or 106 number. */
    @WithDefault("12345")
    String sourceAddress();

    /** Most submit_sm awaiting the SMSC's response at once, as the operator allows (the SMPP window). */
    @WithDefault("10")
    int window();

    /** Most message parts submitted per second, as the operator allows. */
    @WithDefault("50")
    int rate();

    /** Attempts before a message is given up as failed. */
    @WithDefault("5")
    int maxAttempts();

    /** Wait before the first retry of a message the SMSC refused or could not take; doubles with each attempt. */
    @WithDefault("PT30S")
    Duration retryDelay();

    /** Non-urgent messages (progress, rating invitations) queued in these hours wait until they end. */
    QuietHours quietHours();

    /**
     * Whether the portal shows the verification code on the page when no SMSC is configured. Only for development
     * and the embedded demo: anyone could then prove any phone number.
     */
    @WithDefault("false")
    boolean showCodesWithoutSmsc();

    interface Smsc {
        /** Host of the SMSC's SMPP port; unset: no SMSC, messages are written to the log (phone numbers masked). */
        Optional<String> host();

        /** The SMSC's SMPP port. */
        @WithDefault("2775")
        int port();

        /** The account's system_id. */
        @WithDefault("hotline")
        String systemId();

        /** The account's password (at most 8 characters in SMPP 3.4). */
        Optional<String> password();

        /** The system_type the operator asks for; usually none. */
        Optional<String> systemType();

        /** Time allowed for the SMSC to answer a bind or a submit_sm. */
        @WithDefault("PT10S")
        Duration responseTimeout();

        /** How often an idle session sends enquire_link, so that a dead connection is noticed. */
        @WithDefault("PT30S")
        Duration enquireLinkEvery();

        /** First wait before binding again after the session dropped; doubles up to a minute. */
        @WithDefault("PT1S")
        Duration reconnectDelay();
    }

    interface QuietHours {
        /** When the quiet hours begin, in the city's time. */
        @WithDefault("22:00")
        LocalTime start();

        /** When they end. */
        @WithDefault("08:00")
        LocalTime end();
    }
}
