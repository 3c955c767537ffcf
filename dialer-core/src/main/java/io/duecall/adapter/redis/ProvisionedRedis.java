package io.duecall.adapter.redis;

import java.net.URI;

/** A Redis ready to use: where it is, what was done to get it, and how to stop it if it was started for us. */
public final class ProvisionedRedis implements AutoCloseable {
    private final URI uri;
    private final String description;
    private final Runnable stop;

    ProvisionedRedis(URI uri, String description, Runnable stop) {
        this.uri = uri;
        this.description = description;
        this.stop = stop;
    }

    public URI uri() {
        return uri;
    }

    /** "existing redis at ...", "started redis-server pid ... on port ..." or "embedded redis ... on port ...". */
    public String description() {
        return description;
    }

    /** Stops the server if this handle started it; an existing server is left running. */
    @Override
    public void close() {
        stop.run();
    }

    @Override
    public String toString() {
        return description;
    }
}
