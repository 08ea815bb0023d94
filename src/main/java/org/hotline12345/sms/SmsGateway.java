package org.hotline12345.sms;

import java.util.List;

/** Where the sender hands each message: the operator's SMSC over SMPP, or the log when none is configured. */
interface SmsGateway extends AutoCloseable {

    /** A message taken from the queue for sending. */
    record Outgoing(long id, SmsKind kind, String recipient, String body, boolean urgent) {
    }

    /**
     * Submits every part of the message; returns once the SMSC took each one.
     *
     * @return the SMSC's id of each part, in order, for its delivery receipts; empty where there are none
     * @throws SmsRefusedException when the SMSC will never take this message (e.g. an invalid number)
     * @throws Exception when it could not take it now (dropped session, throttled, timed out): try again later
     */
    List<String> send(Outgoing message) throws Exception;

    /** Whether messages reach a real SMSC, as opposed to the log. */
    boolean reachesSmsc();

    /** Whether a session with the SMSC is bound now; always true for the log. */
    boolean connected();

    @Override
    void close();

    /** The SMSC refused the message for good; sending it again would not help. */
    final class SmsRefusedException extends Exception {
        private static final long serialVersionUID = 1L;

        SmsRefusedException(String message) {
            super(message);
        }
    }
}
