package io.duecall.pbxsim;

import org.asteriskjava.manager.event.UserEvent;

/** The AMD result user event, registered the way a dialer would (asterisk-java maps it by simple class name). */
public class AmdResultEvent extends UserEvent {
    private static final long serialVersionUID = 1L;
    private String amdstatus;
    private String amdcause;

    public AmdResultEvent(Object source) {
        super(source);
    }

    public String getAmdstatus() {
        return amdstatus;
    }

    public void setAmdstatus(String v) {
        amdstatus = v;
    }

    public String getAmdcause() {
        return amdcause;
    }

    public void setAmdcause(String v) {
        amdcause = v;
    }
}
