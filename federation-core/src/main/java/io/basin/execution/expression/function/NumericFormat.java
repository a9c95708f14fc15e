package io.basin.execution.expression.function;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * A compiled PostgreSQL numeric template for to_char: {@code 9} (digit, blank when a leading
 * zero), {@code 0} (digit, zero kept), {@code .}/{@code D} (decimal point), {@code ,}/{@code G}
 * (group separator), {@code S}/{@code MI}/{@code PL}/{@code SG} (sign placement), {@code FM}
 * (no padding, no trailing zeros in 9 positions) and literal text. Without a sign pattern a
 * position is reserved for the minus sign before the digits. Values too wide for the template print
 * as {@code #}. Immutable.
 */
public final class NumericFormat
{
    private final String template;
    private final boolean fillMode;
    private final int integerDigits;
    private final int fractionDigits;
    // index of the first '0' among integer positions, counted from the left; integerDigits when none
    private final int firstZero;
    // fraction positions that are '0' (kept with FM), counted from the point
    private final int fractionZeros;
    private final String signPattern;
    private final boolean signAtEnd;

    private NumericFormat(String template, boolean fillMode, int integerDigits, int fractionDigits, int firstZero, int fractionZeros, String signPattern, boolean signAtEnd)
    {
        this.template = requireNonNull(template, "template is null");
        this.fillMode = fillMode;
        this.integerDigits = integerDigits;
        this.fractionDigits = fractionDigits;
        this.firstZero = firstZero;
        this.fractionZeros = fractionZeros;
        this.signPattern = signPattern;
        this.signAtEnd = signAtEnd;
    }

    public static NumericFormat compile(Slice template)
    {
        return compile(template.toStringUtf8());
    }

    public static NumericFormat compile(String template)
    {
        String upper = template.toUpperCase(Locale.ROOT);
        boolean fillMode = upper.contains("FM");
        int integerDigits = 0;
        int fractionDigits = 0;
        int firstZero = -1;
        int fractionZeros = 0;
        boolean afterPoint = false;
        boolean seenDigit = false;
        String signPattern = null;
        boolean signAtEnd = false;
        for (int i = 0; i < upper.length(); i++) {
            char character = upper.charAt(i);
            if (character == '9' || character == '0') {
                if (afterPoint) {
                    fractionDigits++;
                    if (character == '0') {
                        fractionZeros = fractionDigits;
                    }
                }
                else {
                    if (character == '0' && firstZero < 0) {
                        firstZero = integerDigits;
                    }
                    integerDigits++;
                }
                seenDigit = true;
            }
            else if (character == '.' || character == 'D') {
                afterPoint = true;
            }
            else if (upper.startsWith("MI", i) || upper.startsWith("PL", i) || upper.startsWith("SG", i)) {
                signPattern = upper.substring(i, i + 2);
                signAtEnd = seenDigit;
                i++;
            }
            else if (character == 'S') {
                signPattern = "S";
                signAtEnd = seenDigit;
            }
        }
        return new NumericFormat(template, fillMode, integerDigits, fractionDigits, firstZero < 0 ? integerDigits : firstZero, fractionZeros, signPattern, signAtEnd);
    }

    public Slice format(long value)
    {
        return format(BigDecimal.valueOf(value));
    }

    public Slice formatDouble(double value)
    {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return overflow(value < 0);
        }
        // the shortest decimal form, so that 0.1 formats as 0.1 and not as the binary value
        return format(new BigDecimal(Double.toString(value)));
    }

    public Slice formatDecimal(long unscaled, int scale)
    {
        return format(BigDecimal.valueOf(unscaled, scale));
    }

    public Slice formatDecimal(long high, long low, int scale)
    {
        return format(DecimalCasts.toBigDecimal(high, low, scale));
    }

    private Slice format(BigDecimal value)
    {
        BigDecimal rounded = value.setScale(fractionDigits, RoundingMode.HALF_UP);
        boolean negative = rounded.signum() < 0;
        String digits = rounded.abs().unscaledValue().toString();
        if (digits.length() < fractionDigits + 1) {
            digits = "0".repeat(fractionDigits + 1 - digits.length()) + digits;
        }
        String integerPart = digits.substring(0, digits.length() - fractionDigits);
        String fractionPart = digits.substring(digits.length() - fractionDigits);
        if (integerPart.equals("0")) {
            integerPart = "";
        }
        if (integerPart.length() > integerDigits) {
            return overflow(negative);
        }
        StringBuilder number = new StringBuilder();
        int padding = integerDigits - integerPart.length();
        int groupIndex = 0;
        // walk the template, filling digit positions
        int integerPosition = 0;
        int fractionPosition = 0;
        boolean afterPoint = false;
        String upper = template.toUpperCase(Locale.ROOT);
        StringBuilder fraction = new StringBuilder();
        for (int i = 0; i < upper.length(); i++) {
            char character = upper.charAt(i);
            if (upper.startsWith("FM", i) || upper.startsWith("MI", i) || upper.startsWith("PL", i) || upper.startsWith("SG", i)) {
                i++;
                continue;
            }
            if (character == 'S') {
                continue;
            }
            if (character == '9' || character == '0') {
                if (afterPoint) {
                    fraction.append(fractionPart.charAt(fractionPosition++));
                    continue;
                }
                if (integerPosition < padding) {
                    boolean zero = integerPosition >= firstZero || (integerPosition == integerDigits - 1 && integerPart.isEmpty() && fractionDigits == 0);
                    if (zero) {
                        number.append('0');
                    }
                    else if (!fillMode) {
                        number.append(' ');
                    }
                }
                else {
                    number.append(integerPart.charAt(integerPosition - padding));
                }
                integerPosition++;
                continue;
            }
            if (character == '.' || character == 'D') {
                afterPoint = true;
                fraction.append('.');
                continue;
            }
            if (character == ',' || character == 'G') {
                // a separator between leading blanks is itself blank
                boolean leading = integerPosition <= padding && integerPosition < firstZero;
                groupIndex++;
                if (afterPoint) {
                    fraction.append(',');
                }
                else if (leading) {
                    if (!fillMode) {
                        number.append(' ');
                    }
                }
                else {
                    number.append(',');
                }
                continue;
            }
            if (character == '"') {
                int end = upper.indexOf('"', i + 1);
                String text = template.substring(i + 1, end < 0 ? template.length() : end);
                (afterPoint ? fraction : number).append(text);
                i = end < 0 ? upper.length() : end;
                continue;
            }
            (afterPoint ? fraction : number).append(template.charAt(i));
        }
        if (fillMode && fraction.length() > 0) {
            // FM drops trailing zeros of 9 positions (not of 0 positions)
            int keep = fraction.length();
            int digitsKept = fractionDigits;
            while (digitsKept > fractionZeros && keep > 0 && fraction.charAt(keep - 1) == '0') {
                keep--;
                digitsKept--;
            }
            fraction.setLength(keep);
        }
        String body = number.toString() + fraction;
        return Slices.utf8Slice(applySign(body, negative));
    }

    private String applySign(String body, boolean negative)
    {
        if (signPattern == null) {
            // the sign sits just before the first digit, in a position reserved for it
            int firstNonBlank = 0;
            while (firstNonBlank < body.length() && body.charAt(firstNonBlank) == ' ') {
                firstNonBlank++;
            }
            String sign = negative ? "-" : (fillMode ? "" : " ");
            return body.substring(0, firstNonBlank) + sign + body.substring(firstNonBlank);
        }
        String sign = switch (signPattern) {
            case "S" -> negative ? "-" : "+";
            case "MI" -> negative ? "-" : (fillMode ? "" : " ");
            case "PL" -> negative ? "" : "+";
            default -> negative ? "-" : "+";
        };
        if (signAtEnd) {
            return body + sign;
        }
        int firstNonBlank = 0;
        while (signPattern.equals("S") && firstNonBlank < body.length() && body.charAt(firstNonBlank) == ' ') {
            firstNonBlank++;
        }
        return body.substring(0, firstNonBlank) + sign + body.substring(firstNonBlank);
    }

    private Slice overflow(boolean negative)
    {
        StringBuilder builder = new StringBuilder();
        builder.append(signPattern == null && !fillMode ? " " : "");
        builder.repeat('#', integerDigits);
        if (fractionDigits > 0) {
            builder.append('.').repeat('#', fractionDigits);
        }
        return Slices.utf8Slice(builder.toString());
    }
}
