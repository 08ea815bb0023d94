package org.hotline12345.telephony;

import org.asteriskjava.manager.event.UserEvent;

/**
 * {@code UserEvent(HotlineRecording,Recording: <file>)}, raised by the dialplan when MixMonitor starts on a queue call
 * (see telephony/CONTRACT.md). Asterisk-Java finds this class by its name and fills it by its setters.
 */
public class HotlineRecordingEvent extends UserEvent {

    private static final long serialVersionUID = 1L;

    private String recording;

    public HotlineRecordingEvent(Object source) {
        super(source);
    }

    /** The recording's path relative to Asterisk's monitor directory. */
    public String getRecording() {
        return recording;
    }

    public void setRecording(String recording) {
        this.recording = recording;
    }
}
