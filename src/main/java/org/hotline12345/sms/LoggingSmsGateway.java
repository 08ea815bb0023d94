package org.hotline12345.sms;

import java.util.List;

import org.hotline12345.workorder.PhoneNumbers;
import org.jboss.logging.Logger;

/**
 * Without an SMSC: each message is written to the log instead, its number masked and a secret's text (a code) left
 * out, so that the log holds nothing that proves a phone.
 */
final class LoggingSmsGateway implements SmsGateway {

    private static final Logger LOG = Logger.getLogger(LoggingSmsGateway.class);

    @Override
    public List<String> send(Outgoing message) {
        LOG.infof("SMS %d [%s] to %s (no SMSC configured): %s", message.id(), message.kind(),
                PhoneNumbers.mask(message.recipient()),
                message.kind().secret() ? "（验证码短信，内容不记录）" : message.body());
        return List.of();
    }

    @Override
    public boolean reachesSmsc() {
        return false;
    }

    @Override
    public boolean connected() {
        return true;
    }

    @Override
    public void close() {
        // nothing is held open
    }
}
