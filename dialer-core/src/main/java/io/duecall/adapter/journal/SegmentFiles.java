package io.duecall.adapter.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal's segment files in one directory: frames of a length (4 bytes), the CRC32C of the payload (4 bytes)
 * and the payload, appended to the newest segment and read back whole. A segment is named after the sequence number
 * it starts at, so the names sort in the order they were written.
 */
final class SegmentFiles {
    private static final Logger LOG = LoggerFactory.getLogger(SegmentFiles.class);
    private static final String PREFIX = "segment-";
    private static final String SUFFIX = ".log";
    /** No entry is near this large; a length beyond it is a torn or corrupt frame. */
    private static final int MAX_PAYLOAD = 1 << 20;
    private static final int HEADER = 8;

    /** Takes each whole frame's payload in order; false stops the segment there (the payload is not a record). */
    interface FrameReader {
        boolean accept(byte[] payload, long position);
    }

    private final Path dir;
    private FileChannel segment;

    SegmentFiles(Path dir) {
        this.dir = dir;
    }

    /** The segments in the order they were written. */
    List<Path> list() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return new ArrayList<>(files.filter(p -> {
                var name = p.getFileName().toString();
                return name.startsWith(PREFIX) && name.endsWith(SUFFIX);
            }).sorted().toList());
        }
    }

    static long firstSeqOf(Path segment) {
        var name = segment.getFileName().toString();
        try {
            return Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** Gives the segment's whole frames to {@code reader}; returns the offset after the last one it took. */
    long read(Path path, FrameReader reader) throws IOException {
        try (var channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            long position = 0;
            var header = ByteBuffer.allocate(HEADER);
            while (position + HEADER <= size) {
                header.clear();
                channel.read(header, position);
                header.flip();
                int length = header.getInt();
                int crc = header.getInt();
                if (length <= 0 || length > MAX_PAYLOAD || position + HEADER + length > size) {
                    return position;
                }
                var payload = ByteBuffer.allocate(length);
                channel.read(payload, position + HEADER);
                if (crc(payload.array()) != crc || !reader.accept(payload.array(), position)) {
                    return position;
                }
                position += HEADER + length;
            }
            return position;
        }
    }

    /** Cuts the segment off after {@code length} bytes, durably. */
    void truncate(Path path, long length) throws IOException {
        try (var channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
            channel.truncate(length);
            channel.force(true);
        }
    }

    /** Appends from now on to {@code path}, a segment an earlier run left. */
    void continueIn(Path path) throws IOException {
        segment = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    /** Begins a new segment whose first record is {@code firstSeq}. */
    void start(long firstSeq) throws IOException {
        var path = dir.resolve(PREFIX + "%020d".formatted(firstSeq) + SUFFIX);
        segment = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        segment.force(true);
        forceDirectory();
    }

    /** Deletes every segment (the open one too) and begins a new one at {@code firstSeq}. */
    void restart(long firstSeq) throws IOException {
        closeQuietly(segment);
        deleteAll();
        start(firstSeq);
    }

    void deleteAll() throws IOException {
        for (var path : list()) {
            Files.delete(path);
        }
        forceDirectory();
    }

    long size() throws IOException {
        return segment.size();
    }

    /**
     * Appends one frame, forced to the device when {@code force}. A write that fails part-way is cut off, or else
     * the next frame goes to a new segment (starting at {@code nextSeq}), so no later frame follows a partial one.
     */
    void append(byte[] payload, long nextSeq, boolean force) throws IOException {
        var frame = ByteBuffer.allocate(HEADER + payload.length);
        frame.putInt(payload.length).putInt(crc(payload)).put(payload).flip();
        long start = -1;
        try {
            start = segment.size();
            while (frame.hasRemaining()) {
                segment.write(frame);
            }
            if (force) {
                segment.force(false);
            }
        } catch (IOException e) {
            cutOff(start, nextSeq);
            throw e;
        }
    }

    private void cutOff(long start, long nextSeq) {
        try {
            if (start >= 0) {
                segment.truncate(start);
                segment.force(true);
                return;
            }
        } catch (IOException ignored) {
            // Fall through: a new segment keeps later records from following the partial frame.
        }
        try {
            closeQuietly(segment);
            start(nextSeq);
        } catch (IOException e) {
            LOG.error("journal {}: could not start a new segment after a failed write: {}", dir, e.getMessage());
        }
    }

    void close() {
        closeQuietly(segment);
    }

    /** So a new or deleted segment's name survives a power cut too. */
    private void forceDirectory() {
        try (var channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException notOnThisSystem) {
            // Some systems cannot open a directory for syncing; the file's own force still holds its records.
        }
    }

    private static int crc(byte[] bytes) {
        var crc = new CRC32C();
        crc.update(bytes);
        return (int) crc.getValue();
    }

    static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Closing on the way out: nothing more to do.
        }
    }
}
