package org.hotline12345.telephony;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hotline.telephony")
public interface TelephonyConfig {

    /** Whether an Asterisk is configured; off, the service runs without telephony and health says so. */
    @WithDefault("false")
    boolean enabled();

    Ami ami();

    /**
     * Several Asterisk servers, by name, for a city that runs more than one PBX (behind a SIP load balancer): the
     * service keeps one AMI connection to each and merges their queues and agents into one board. Each takes the user,
     * secret and timings of {@code ami} unless it sets its own. None: the one server {@code ami} names. Give every
     * server its own {@code systemname} in asterisk.conf, so that call ids are unique across them.
     */
    Map<String, Server> servers();

    /** Completing the records of calls the service missed, from Asterisk's own queue_log in the database. */
    Reconciliation reconciliation();

    Agi agi();

    Queues queues();

    Dialplan dialplan();

    /** A caller who called within this window before is a repeat caller (重复来电). */
    @WithDefault("PT72H")
    Duration repeatCallWindow();

    /** The answer-time target: calls answered within it count towards the service level. */
    @WithDefault("PT15S")
    Duration answerTarget();

    /** The share of calls to answer within the target (GB/T 33358-2016: 95 %). */
    @WithDefault("0.95")
    double answerTargetShare();

    /** How long an agent stays in wrap-up (话后处理) after a call, as the queues' wrapuptime. */
    @WithDefault("PT10S")
    Duration wrapUp();

    /** Asterisk's monitor directory, mounted read-only, to serve recordings from; unset: recordings are not served. */
    Optional<Path> recordingsDirectory();

    /** How many past work orders a screen pop shows. */
    @WithDefault("10")
    int screenPopHistory();

    interface Ami {
        /** Host of Asterisk's manager interface. */
        @WithDefault("localhost")
        String host();

        /** Port of Asterisk's manager interface. */
        @WithDefault("5038")
        int port();

        /** The manager user of manager.conf. */
        @WithDefault("hotline")
        String username();

        /** Its secret. */
        Optional<String> password();

        /** Time allowed for Asterisk to answer an action. */
        @WithDefault("PT5S")
        Duration actionTimeout();

        /** First wait before logging in again after a failed attempt; doubles up to the maximum. */
        @WithDefault("PT1S")
        Duration retryMin();

        /** Longest wait between login attempts. */
        @WithDefault("PT1M")
        Duration retryMax();
    }

    interface Server {
        /** Host of this server's manager interface. */
        String host();

        /** Port of its manager interface. */
        @WithDefault("5038")
        int port();

        /** Its manager user, where not the one of {@code ami}. */
        Optional<String> username();

        /** Its secret, where not the one of {@code ami}. */
        Optional<String> password();
    }

    interface Reconciliation {
        /**
         * Whether the service reads back the queue_log Asterisk writes to the database (asterisk_queue_log) to
         * complete the calls it missed while down, restarting or cut off from the AMI.
         */
        @WithDefault("true")
        boolean enabled();

        /** How often it reads the queue_log besides after every (re)connect, for events lost on a live connection. */
        @WithDefault("PT1M")
        Duration every();

        /** How far back the first reading goes when the service has never read the queue_log before. */
        @WithDefault("P1D")
        Duration firstLookBack();
    }

    interface Agi {
        /** Address the FastAGI server listens on; Asterisk's AGI(agi://…) calls reach it there. */
        @WithDefault("0.0.0.0")
        String bindAddress();

        /** Port of the FastAGI server. */
        @WithDefault("4573")
        int port();

        /** Most AGI requests served at once. */
        @WithDefault("50")
        int poolSize();
    }

    interface Queues {
        /** The general 12345 queue. */
        @WithDefault("hotline")
        String hotline();

        /** The business-environment desk's queue (营商环境专席). */
        @WithDefault("business-desk")
        String desk();
    }

    interface Dialplan {
        /** Context that dials citizens and experts through the trunk. */
        @WithDefault("hotline-outbound")
        String outboundContext();

        /** Context with 110, 119, 120 and 122, for transfers. */
        @WithDefault("hotline-emergency")
        String emergencyContext();

        /** Context whose extensions are ConfBridge rooms, for three-way consultation. */
        @WithDefault("hotline-consult")
        String consultContext();

        /** Channel technology of agents' phones. */
        @WithDefault("PJSIP")
        String technology();

        /** Caller ID shown to citizens on callbacks. */
        @WithDefault("12345")
        String callerId();

        /** How long a callback rings the agent's phone before giving up. */
        @WithDefault("PT30S")
        Duration originateTimeout();
    }
}
