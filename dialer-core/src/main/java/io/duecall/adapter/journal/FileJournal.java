package io.duecall.adapter.journal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duecall.adapter.redis.AttemptCodec;
import io.duecall.adapter.redis.PromiseCodec;
import io.duecall.port.Journal;
import io.duecall.port.JournalUnavailableException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Journal} as append-only segment files in one directory ({@code journal.dir}), the only place the engine
 * writes to disk. Each record is a frame: its length (4 bytes), the CRC32C of its payload (4 bytes) and the payload,
 * a small JSON object. An entry is forced to the device ({@link FileChannel#force}) before {@link #append} returns;
 * the mark that it was applied is not (losing it only replays an entry the store keeps once).
 *
 * <p>On opening, the segments are read in order; a frame that is short or fails its CRC ends its segment (a write
 * the process died in, or a disk that filled up), and at the end of the newest segment it is cut off, so the next
 * append follows the last whole record. A write that fails part-way is cut off at once, or else the next append
 * starts a new segment. Once nothing is pending and the segment has grown past {@link #ROLL_BYTES}, every segment
 * is deleted and a new one begun. A lock file keeps a second engine out of the directory.
 */
public final class FileJournal implements Journal {
    private static final Logger LOG = LoggerFactory.getLogger(FileJournal.class);
    static final String LOCK_FILE = "journal.lock";
    /** A segment with nothing pending is replaced once it is this large. */
    static final long ROLL_BYTES = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Map<Long, Pending> pending = new LinkedHashMap<>();
    private final SegmentFiles files;
    private long nextSeq = 1;
    private int tornFrames;
    private boolean closed;

    private FileJournal(Path dir, FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.files = new SegmentFiles(dir);
    }

    /**
     * Opens the journal in {@code dir} (created if missing), reading what an earlier run left pending.
     *
     * @throws JournalUnavailableException naming {@code journal.dir} when the directory cannot be written or another
     *     engine holds it
     */
    public static FileJournal open(Path dir) {
        FileChannel lockChannel = null;
        try {
            Files.createDirectories(dir);
            lockChannel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException held) {
                lock = null;
            }
            if (lock == null) {
                throw new JournalUnavailableException("journal.dir: " + dir
                        + " (expected a directory no other running engine uses; give each node its own)", null);
            }
            var journal = new FileJournal(dir, lockChannel, lock);
            journal.recover();
            return journal;
        } catch (IOException e) {
            SegmentFiles.closeQuietly(lockChannel);
            throw new JournalUnavailableException("journal.dir: " + dir + " (expected a writable directory): " + e, e);
        } catch (RuntimeException e) {
            SegmentFiles.closeQuietly(lockChannel);
            throw e;
        }
    }

    private void recover() throws IOException {
        var segments = files.list();
        for (int i = 0; i < segments.size(); i++) {
            var path = segments.get(i);
            nextSeq = Math.max(nextSeq, SegmentFiles.firstSeqOf(path));
            long good = files.read(path, (payload, position) -> readRecord(path, payload, position));
            if (good < Files.size(path)) {
                tornFrames++;
                LOG.warn("journal {}: {} bytes after offset {} are not a whole record and are ignored", path,
                        Files.size(path) - good, good);
                if (i == segments.size() - 1) {
                    files.truncate(path, good);
                }
            }
        }
        if (pending.isEmpty()) {
            files.deleteAll();
            files.start(nextSeq);
        } else {
            files.continueIn(segments.getLast());
            LOG.info("journal {}: {} entr{} left by the last run wait for the store", dir, pending.size(),
                    pending.size() == 1 ? "y" : "ies");
        }
    }

    private boolean readRecord(Path path, byte[] payload, long position) {
        try {
            accept(JSON.readValue(payload, Record.class));
            return true;
        } catch (IOException | IllegalStateException e) {
            // Parsing bytes in memory fails only as a JacksonException: the payload is not a record.
            LOG.warn("journal {}: the record at offset {} is unreadable and ends the segment: {}", path, position,
                    e.getMessage());
            return false;
        }
    }

    private void accept(Record record) {
        nextSeq = Math.max(nextSeq, record.seq() + 1);
        switch (record.kind()) {
            case "applied" -> pending.remove(record.seq());
            case "line" -> pending.put(record.seq(), new Pending(record.seq(),
                    new LedgerLine(AttemptCodec.decode("journal entry " + record.seq(), record.fields()))));
            case "promise" -> pending.put(record.seq(), new Pending(record.seq(),
                    new Promise(PromiseCodec.decode("journal entry " + record.seq(), record.fields()))));
            default -> throw new IllegalStateException("kind: '" + record.kind() + "' (expected line, promise or applied)");
        }
    }

    @Override
    public synchronized Pending append(Entry entry) {
        requireOpen();
        var record = switch (entry) {
            case LedgerLine line -> new Record(nextSeq, "line", AttemptCodec.encode(line.attempt()));
            case Promise promise -> new Record(nextSeq, "promise", PromiseCodec.encode(promise.promise()));
        };
        write(record, true);
        var appended = new Pending(nextSeq++, entry);
        pending.put(appended.seq(), appended);
        return appended;
    }

    @Override
    public synchronized List<Pending> pending() {
        return List.copyOf(pending.values());
    }

    @Override
    public synchronized void applied(Pending applied) {
        if (closed || pending.remove(applied.seq()) == null) {
            return;
        }
        try {
            write(new Record(applied.seq(), "applied", Map.of()), false);
            if (pending.isEmpty() && files.size() > ROLL_BYTES) {
                files.restart(nextSeq);
            }
        } catch (JournalUnavailableException | IOException e) {
            // The entry is in the store; should its mark be missing, the next run applies it again, harmlessly.
            LOG.warn("journal {}: could not mark entry {} applied: {}", dir, applied.seq(), e.getMessage());
        }
    }

    /** Frames of earlier runs that were cut off or failed their check when the journal was opened. */
    public synchronized int tornFrames() {
        return tornFrames;
    }

    public Path dir() {
        return dir;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        files.close();
        try {
            lock.release();
        } catch (IOException e) {
            LOG.warn("journal {}: could not release its lock: {}", dir, e.getMessage());
        }
        SegmentFiles.closeQuietly(lockChannel);
    }

    private void write(Record record, boolean force) {
        byte[] payload;
        try {
            payload = JSON.writeValueAsBytes(record);
        } catch (JacksonException e) {
            throw new IllegalStateException("journal entry " + record.seq() + " cannot be encoded: " + e.getMessage(), e);
        }
        try {
            files.append(payload, nextSeq, force);
        } catch (IOException e) {
            throw new JournalUnavailableException("journal " + dir + ": could not write entry " + record.seq()
                    + ": " + e, e);
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new JournalUnavailableException("journal " + dir + " is closed", null);
        }
    }

    /** One frame's payload: the entry's sequence number, what it is, and its fields. */
    record Record(long seq, String kind, Map<String, String> fields) {
        Record {
            fields = fields == null ? Map.of() : fields;
        }
    }
}
