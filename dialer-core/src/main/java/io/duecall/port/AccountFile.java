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
}
