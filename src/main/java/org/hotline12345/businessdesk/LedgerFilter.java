package org.hotline12345.businessdesk;

import java.time.LocalDate;
import java.util.Set;

/**
 * Which ledger entries a list or a count covers; {@code null} and empty mean "any".
 *
 * @param departmentCode the work order's lead department
 * @param overdue {@code true}: the department holds the work order past the entry's deadline
 * @param from first day an entry was created, inclusive
 * @param to last day an entry was created, inclusive
 * @param text in the work order's title or the enterprise's name
 */
public record LedgerFilter(String environmentCode, String issueKindCode, String departmentCode,
        Set<LedgerStatus> statuses, String owner, Boolean overdue, LocalDate from, LocalDate to, String creditCode,
        String text) {

    public static LedgerFilter all() {
        return new LedgerFilter(null, null, null, Set.of(), null, null, null, null, null, null);
    }
}
