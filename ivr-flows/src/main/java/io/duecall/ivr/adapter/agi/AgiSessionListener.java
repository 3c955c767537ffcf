package io.duecall.ivr.adapter.agi;

/**
 * Told when each FastAGI session starts and ends, so that metrics can be kept without the IVR knowing the metrics
 * library. Called on the session's own thread; must be quick.
 */
public interface AgiSessionListener {
    void sessionStarted();

    void sessionEnded();

    AgiSessionListener NONE = new AgiSessionListener() {
        @Override
        public void sessionStarted() {}

        @Override
        public void sessionEnded() {}
    };
}
