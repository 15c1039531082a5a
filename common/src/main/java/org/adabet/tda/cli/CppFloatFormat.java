package org.adabet.tda.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats a float the way a C++ {@code std::ostream} does by default ({@code %g}, 6 significant
 * digits, trailing zeros dropped), so that our output is byte-identical to Ripser's.
 */
final class CppFloatFormat {

    private static final MathContext SIX_DIGITS = new MathContext(6, RoundingMode.HALF_EVEN);

    private CppFloatFormat() {}

    static String format(float value) {
        if (Float.isNaN(value)) {
            return "nan";
        }
        if (Float.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0f) {
            return (Float.floatToRawIntBits(value) < 0) ? "-0" : "0";
        }
        // The exact binary value rounded once, as printf does.
        BigDecimal rounded = new BigDecimal((double) value).round(SIX_DIGITS);
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= 6) {
            BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
            String e = Integer.toString(Math.abs(exponent));
            return mantissa.toPlainString()
                    + "e"
                    + (exponent < 0 ? "-" : "+")
                    + (e.length() < 2 ? "0" + e : e);
        }
        return rounded.stripTrailingZeros().toPlainString();
    }
}
