package org.hotline12345.desk;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.hotline12345.common.ConflictException;

/** The steps of a ledger entry toward sign-off, each with the statuses it may start from. */
public enum LedgerAction {
    /** 核实 the department's reply with the enterprise; again to correct it */
    VERIFY(EnumSet.of(LedgerStatus.OPEN, LedgerStatus.VERIFIED)),
    /** 申请销号 */
    REQUEST_SIGN_OFF(EnumSet.of(LedgerStatus.VERIFIED)),
    /** 销号 */
    APPROVE_SIGN_OFF(EnumSet.of(LedgerStatus.SIGN_OFF_REQUESTED)),
    /** 驳回销号: back to the department */
    REJECT_SIGN_OFF(EnumSet.of(LedgerStatus.VERIFIED, LedgerStatus.SIGN_OFF_REQUESTED));

    private final Set<LedgerStatus> from;

    LedgerAction(Set<LedgerStatus> from) {
        this.from = from;
    }

    void requireAllowedFrom(long entryId, LedgerStatus current) {
        if (!from.contains(current)) {
            throw new InvalidLedgerStateException(entryId, this, current, from);
        }
    }

    /** 409: naming the entry's current status and the statuses the step requires. */
    public static class InvalidLedgerStateException extends ConflictException {
        private final Map<String, Object> properties = new LinkedHashMap<>();

        InvalidLedgerStateException(long entryId, LedgerAction action, LedgerStatus current,
                Set<LedgerStatus> required) {
            super("Ledger entry " + entryId + " is " + current + "; " + action + " requires "
                    + (required.size() == 1 ? "" : "one of ") + required);
            properties.put("action", action);
            properties.put("currentStatus", current);
            properties.put("requiredStatus", required);
        }

        @Override
        public String kind() {
            return "invalid-state";
        }

        @Override
        public Map<String, Object> properties() {
            return properties;
        }
    }
}
