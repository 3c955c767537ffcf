package io.duecall.port;

import io.duecall.domain.promise.Payment;
import io.duecall.domain.promise.PaymentProblem;
import java.nio.file.Path;
import java.util.List;

/** A lender's payment feed, read whole, with the place of each payment so later problems can name it. */
public interface PaymentFile {

    /** One payment of the file and the line it is on. */
    record Line(int line, Payment payment) {}

    /** Every payment with its line, or throws {@link ImportRejectedException} listing every problem. */
    List<Line> readLines(Path file);

    /** The column that holds a field, for naming a problem found after reading. */
    String column(PaymentProblem.Field field);
}
