package org.hotline12345.workorder;

import org.hotline12345.calendar.TimeLimit;

/** The limits a dispatched work order runs under: to accept (签收) and to reply (回复). */
public record ClockLimits(TimeLimit accept, TimeLimit reply) {
}
