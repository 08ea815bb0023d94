package org.hotline12345.workorder;

import java.util.List;

import org.hotline12345.security.Actor;

/**
 * Fired, synchronously, whenever work orders' citizen details (name and phone, masked or not) are put into a view for
 * a user: a work order in full, or a list of the API that names the citizens. The access record keeps each showing
 * (who saw which citizen, when and where); observers must be quick, as the view waits.
 *
 * @param viewer the user the details are shown to
 * @param workOrders the work orders whose citizen is shown
 */
public record CitizenDetailsShown(Actor viewer, List<Shown> workOrders) {

    /** @param masked whether the name and phone were shown masked (the citizen asked for confidentiality) */
    public record Shown(String number, boolean masked) {
    }
}
