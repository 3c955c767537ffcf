package io.duecall.adapter.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * What every CSV the engine writes shares: cells neutralized against formula injection ({@link #neutralize}), and
 * files written whole or not at all ({@link #writeAtomically}).
 */
public final class CsvFiles {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** A plain number, which a spreadsheet can only read as itself: an optional sign, digits, a decimal part. */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");

    /** Writes {@code target}'s content; {@code content} may throw {@link UncheckedIOException}. */
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    private CsvFiles() {}

    /**
     * The content goes to a temporary file beside the target, is forced to disk, then renamed over the target in one
     * step. A full disk or any other failure leaves the target as it was (no truncated export) and removes the
     * temporary file. A target that is a link or not a regular file (a device such as {@code /dev/stdout}) is written in
     * place.
     */
    public static void writeAtomically(Path target, Content content) throws IOException {
        var absolute = target.toAbsolutePath();
        if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(absolute, LinkOption.NOFOLLOW_LINKS)) {
            // A link, device or pipe (/dev/stdout, /dev/full, a FIFO) is written in place: renaming would replace it.
            try (var out = Files.newBufferedWriter(absolute, StandardCharsets.UTF_8, StandardOpenOption.WRITE)) {
                content.writeTo(out);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            return;
        }
        var temp = absolute.resolveSibling("." + absolute.getFileName() + "." + randomHex() + ".tmp");
        try {
            try (var out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                content.writeTo(out);
            }
            try (var channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(/* metaData= */ true);
            }
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (UncheckedIOException e) {
            deleteQuietly(temp, e.getCause());
            throw e.getCause();
        } catch (IOException | RuntimeException | Error e) {
            deleteQuietly(temp, e);
            throw e;
        }
    }

    /** {@code lines}, each ended by a newline, written as {@link #writeAtomically} writes. */
    public static void writeLinesAtomically(Path target, java.util.List<String> lines) throws IOException {
        writeAtomically(target, out -> {
            for (var line : lines) {
                out.write(line);
                out.write('\n');
            }
        });
    }

    /**
     * OWASP's advice against CSV injection: a cell that starts with {@code = + - @}, a tab or a carriage return is
     * written with a single quote in front, so spreadsheets show it as text instead of computing it (an account id
     * such as {@code -2-3} stays {@code '-2-3}, not -5). A plain number ({@code -12.50}, or an E.164 number such as
     * {@code +14155550100}) is left as it is: it can only be read as itself.
     */
    public static String neutralize(String cell) {
        if (cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0 || PLAIN_NUMBER.matcher(cell).matches()) {
            return cell;
        }
        return "'" + cell;
    }

    private static void deleteQuietly(Path temp, Throwable failure) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private static String randomHex() {
        var bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
