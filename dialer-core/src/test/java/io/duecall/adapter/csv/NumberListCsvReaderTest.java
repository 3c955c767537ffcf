package io.duecall.adapter.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.duecall.domain.account.E164;
import io.duecall.port.ImportError;
import io.duecall.port.ImportRejectedException;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NumberListCsvReaderTest {
    private final NumberListCsvReader reader = new NumberListCsvReader("US");

    @Test
    void readsNationalAndInternationalNumbersOnceEach() {
        var csv = "number\n(212) 555-0100\n+12125550101\n+1 212 555 0100\n";

        var numbers = reader.read("dnc.csv", new StringReader(csv));

        assertEquals(List.of(new E164("+12125550100"), new E164("+12125550101")), List.copyOf(numbers));
    }

    @Test
    void everyBadNumberIsNamedByItsLine() {
        var csv = "number\n+12125550100\n12\nnot a number\n";

        var error = assertThrows(ImportRejectedException.class, () -> reader.read("dnc.csv", new StringReader(csv)));

        assertEquals(List.of(3, 4), error.errors().stream().map(ImportError::line).toList());
        assertEquals(Set.of("number"), Set.copyOf(error.errors().stream().map(ImportError::field).toList()));
    }
}
