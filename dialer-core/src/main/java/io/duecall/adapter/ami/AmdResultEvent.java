package io.duecall.adapter.ami;

import org.asteriskjava.manager.event.UserEvent;

/**
 * The dialplan's {@code UserEvent(AMDResult,...)} after {@code AMD()}: asterisk-java builds it for
 * {@code UserEvent: AMDResult} once the class is registered, and fills the properties by header name.
 */
public class AmdResultEvent extends UserEvent {
    private static final long serialVersionUID = 1L;

    private String amdStatus;
    private String amdCause;

    public AmdResultEvent(Object source) {
        super(source);
    }

    public String getAmdStatus() {
        return amdStatus;
    }

    public void setAmdStatus(String amdStatus) {
        this.amdStatus = amdStatus;
    }

    public String getAmdCause() {
        return amdCause;
    }

    public void setAmdCause(String amdCause) {
        this.amdCause = amdCause;
    }
}
