package io.duecall.domain.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTest {
    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency JPY = Currency.getInstance("JPY");
    private static final Currency KWD = Currency.getInstance("KWD");

    @Test
    void parsesAmountsInTheCurrencysMinorUnits() {
        assertEquals(new Money(12_550, USD), Money.parse("125.50", USD));
        assertEquals(new Money(12_550, USD), Money.parse(" 125.5 ", USD));
        assertEquals(new Money(125, JPY), Money.parse("125", JPY));
        assertEquals(new Money(125_500, KWD), Money.parse("125.5", KWD));
    }

    // Issue 18: "١٢٣" (Arabic-Indic digits) was recorded as 123.
    @Test
    void acceptsOnlyAsciiDigitsWithoutSignOrExponent() {
        for (var bad : new String[] {"١٢٣", "１２３", "-5", "+5", "1e3", "12.", ".5", "12.345", "1,000", "", "NaN"}) {
            var error = assertThrows(IllegalArgumentException.class, () -> Money.parse(bad, USD), bad);

            assertTrue(error.getMessage().startsWith("amount: '" + bad + "' (expected a decimal of digits 0-9"), error.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Money.parse("125.0", JPY));
    }

    // Issue 15: 92233720368547758.07 was accepted, and two of them overflowed every sum.
    @Test
    void refusesAmountsAboveTheCeilingOfThirteenDigitsInMinorUnits() {
        var error = assertThrows(IllegalArgumentException.class, () -> Money.parse("92233720368547758.07", USD));

        assertEquals("amount: '92233720368547758.07' (expected at most 99999999999.99 USD, the ceiling for any amount)",
                error.getMessage());
        assertEquals(new Money(Money.CEILING_MINOR, USD), Money.parse("99999999999.99", USD));
        assertEquals("9999999999999 JPY", Money.ceiling(JPY).toString());
        assertEquals("9999999999.999 KWD", Money.ceiling(KWD).toString());
    }

    @Test
    void refusesCurrenciesWithoutMinorUnits() {
        var gold = assertThrows(IllegalArgumentException.class, () -> Money.currency("XAU"));
        var lower = assertThrows(IllegalArgumentException.class, () -> Money.currency("usd"));

        assertEquals("currency: 'XAU' (expected an ISO 4217 code with minor units, such as USD)", gold.getMessage());
        assertEquals("currency: 'usd' (expected an ISO 4217 code with minor units, such as USD)", lower.getMessage());
        assertEquals(USD, Money.currency("USD"));
    }
}
