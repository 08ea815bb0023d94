package org.hotline12345.intake;

/**
 * Fired synchronously, inside the transaction that decides it, when an online request is registered (受理) or
 * refused (不予受理), so that features outside this package that follow it (a partner's outbox) record it atomically.
 *
 * @param refusalReason what the citizen is told, for a refusal
 * @param leadDepartment the department it was dispatched to on registration (转办), or {@code null}
 */
public record OnlineRequestDecided(String number, IntakeSource source, IntakeState state, String refusalReason,
        String leadDepartment) {
}
