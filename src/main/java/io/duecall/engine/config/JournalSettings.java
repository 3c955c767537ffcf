package io.duecall.engine.config;

/**
 * {@code journal:}: {@code dir}, the one directory the engine writes to, where promises and ledger lines wait durably
 * while Redis cannot take them. Relative to the configuration file's directory; by default {@code journal} beside
 * it. On a read-only image, point it at the writable data volume. Each node of a cluster keeps its journal in a
 * subdirectory named after the node.
 */
public record JournalSettings(String dir) {
    static final String DEFAULT_DIR = "journal";
}
