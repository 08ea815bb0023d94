package org.hotline12345.workorder;

/**
 * What the citizen said on the callback (回访).
 *
 * @param reached whether the citizen was reached; if not, only the attempt is recorded
 * @param resolved whether the citizen considers the matter resolved
 * @param satisfaction the citizen's satisfaction; {@link Satisfaction#DISSATISFIED} reopens the work order
 */
public record CallbackResult(boolean reached, Boolean resolved, Satisfaction satisfaction) {
}
