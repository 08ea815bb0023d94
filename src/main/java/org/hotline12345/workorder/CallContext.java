package org.hotline12345.workorder;

/**
 * What telephony tells the work-order lifecycle about the call a work order is registered on. Declared here so that
 * work orders do not depend on telephony.
 */
public interface CallContext {

    /** Whether the caller chose the enterprise line (IVR key 1) on this call. */
    boolean choseEnterpriseLine(String callId);
}
