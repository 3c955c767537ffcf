package io.duecall.domain.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Numbers as logs show them: all but their last four digits. */
class E164MaskTest {

    @Test
    void aNumberHidesItsLastFourDigits() {
        var number = new E164("+14155550123");

        var masked = number.masked();

        assertEquals("+1415555****", masked);
    }

    @Test
    void numbersInTextAreMaskedWhereverTheyStandAndOtherTextIsLeftAsItIs() {
        var text = "AGI on Local/4155550123@debtors-00000001;1 to +442071234567, call c-9142, 2026-11-24, id 123456";

        var masked = E164.maskNumbers(text);

        assertEquals("AGI on Local/415555****@debtors-00000001;1 to +44207123****, call c-9142, 2026-11-24, id 123456",
                masked);
    }
}
