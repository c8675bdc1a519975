package app.spotter.model.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void amountsInOneCurrencyAddUp() {
        assertEquals(Money.of(4250, "EUR"), Money.of(1250, "EUR").plus(Money.of(3000, "EUR")));
    }

    @Test
    void amountsInOneCurrencySubtract() {
        assertEquals(Money.of(-1750, "EUR"), Money.of(1250, "EUR").minus(Money.of(3000, "EUR")));
    }

    @Test
    void anAmountMultipliesByAWholeNumber() {
        assertEquals(Money.of(3750, "EUR"), Money.of(1250, "EUR").times(3));
        assertEquals(Money.zero("EUR"), Money.of(1250, "EUR").times(0));
    }

    @Test
    void differentCurrenciesDoNotMix() {
        assertThrows(IllegalArgumentException.class, () -> Money.of(100, "EUR").plus(Money.of(100, "USD")));
        assertThrows(IllegalArgumentException.class, () -> Money.of(100, "EUR").minus(Money.of(100, "USD")));
    }

    @Test
    void anUnknownCurrencyCodeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Money.of(100, "EURO"));
        assertThrows(IllegalArgumentException.class, () -> Money.zero(null));
    }

    @Test
    void overflowIsAnErrorNotAWrapAround() {
        assertThrows(ArithmeticException.class, () -> Money.of(Long.MAX_VALUE, "EUR").plus(Money.of(1, "EUR")));
        assertThrows(ArithmeticException.class, () -> Money.of(Long.MIN_VALUE, "EUR").minus(Money.of(1, "EUR")));
        assertThrows(ArithmeticException.class, () -> Money.of(Long.MAX_VALUE / 2 + 1, "EUR").times(2));
    }

    @Test
    void onlyAmountsBelowZeroAreNegative() {
        assertTrue(Money.of(-1, "EUR").isNegative());
        assertFalse(Money.zero("EUR").isNegative());
        assertFalse(Money.of(1, "EUR").isNegative());
        assertTrue(Money.zero("EUR").isZero());
    }

    @Test
    void euroAmountsShowTwoDecimals() {
        assertEquals("EUR 12.50", Money.of(1250, "EUR").toString());
        assertEquals("EUR 0.05", Money.of(5, "EUR").toString());
        assertEquals("EUR -0.05", Money.of(-5, "EUR").toString());
        assertEquals("EUR 0.00", Money.zero("EUR").toString());
    }

    @Test
    void eachCurrencyShowsItsOwnDecimals() {
        assertEquals("JPY 1250", Money.of(1250, "JPY").toString());
        assertEquals("BHD 1.250", Money.of(1250, "BHD").toString());
    }

    @Test
    void anAmountConvertsToMajorUnits() {
        assertEquals(new BigDecimal("12.50"), Money.of(1250, "EUR").toDecimal());
    }
}
