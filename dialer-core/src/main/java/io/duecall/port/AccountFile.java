package io.duecall.port;

import io.duecall.domain.account.Account;
import java.io.Reader;
import java.util.function.Consumer;

/** A lender's account file, read one account at a time. */
public interface AccountFile {

    /**
     * Hands each good account of {@code in} to {@code sink} in file order while the file has no problem so far and
     * returns how many it read; at the end throws {@link ImportRejectedException} listing every problem.
     * {@code source} names the file in those problems.
     */
    int stream(String source, Reader in, Consumer<Account> sink);

    /**
     * As {@link #stream}, with the line each account starts on (the header is line 1), for messages that name it. A
     * file whose records are one line each may rely on this default.
     */
    default int streamNumbered(String source, Reader in, java.util.function.BiConsumer<Integer, Account> sink) {
        int[] line = {1};
        return stream(source, in, account -> sink.accept(++line[0], account));
    }
}
