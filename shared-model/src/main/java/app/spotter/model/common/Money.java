package app.spotter.model.common;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in whole minor units (cents), so that sums never drift the way floating
 * point does.
 *
 * @param minorUnits the amount in the currency's minor unit, e.g. 1250 for EUR 12.50; may be
 *     negative (refunds, balances owed)
 * @param currency the currency, never null
 */
public record Money(long minorUnits, Currency currency) {

    /** Rejects a missing currency. */
    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    /**
     * An amount in the currency with the given ISO 4217 code.
     *
     * @throws IllegalArgumentException if the code is not a known currency
     */
    public static Money of(long minorUnits, String currencyCode) {
        return new Money(minorUnits, currency(currencyCode));
    }

    /** Nothing, in the currency with the given ISO 4217 code. */
    public static Money zero(String currencyCode) {
        return of(0, currencyCode);
    }

    /**
     * The sum of both amounts.
     *
     * @throws IllegalArgumentException if the currencies differ
     * @throws ArithmeticException on overflow
     */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
    }

    /**
     * This amount less the other.
     *
     * @throws IllegalArgumentException if the currencies differ
     * @throws ArithmeticException on overflow
     */
    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minorUnits, other.minorUnits), currency);
    }

    /**
     * This amount taken {@code factor} times, e.g. the price of a drop-in times the visits.
     *
     * @throws ArithmeticException on overflow
     */
    public Money times(int factor) {
        return new Money(Math.multiplyExact(minorUnits, factor), currency);
    }

    /** Whether the amount is below zero. */
    @JsonIgnore // derived, not part of the wire form
    public boolean isNegative() {
        return minorUnits < 0;
    }

    /** Whether the amount is exactly zero. */
    @JsonIgnore // derived, not part of the wire form
    public boolean isZero() {
        return minorUnits == 0;
    }

    /** The amount as a decimal in major units, e.g. 12.50 for 1250 euro cents. */
    public BigDecimal toDecimal() {
        return BigDecimal.valueOf(minorUnits, fractionDigits());
    }

    /** The code and the amount with the currency's own decimals: "EUR 12.50", "JPY 1250". */
    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + toDecimal().toPlainString();
    }

    private int fractionDigits() {
        // Pseudo-currencies such as XXX report -1: they have no minor unit.
        return Math.max(0, currency.getDefaultFractionDigits());
    }

    private void requireSameCurrency(Money other) {
        Objects.requireNonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException(
                    "Cannot combine " + currency.getCurrencyCode() + " with " + other.currency.getCurrencyCode());
        }
    }

    private static Currency currency(String code) {
        if (code == null) {
            throw new IllegalArgumentException("currency code is missing");
        }
        return Currency.getInstance(code);
    }
}
