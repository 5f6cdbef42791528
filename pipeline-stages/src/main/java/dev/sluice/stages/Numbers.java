package dev.sluice.stages;

/** Typed values from text without a String in between for the common case; surrounding blanks are ignored. */
final class Numbers {
    private Numbers() {
    }

    /** A long, or null for blank text. */
    static Long parseLong(char[] buf, int offset, int len) {
        int from = offset;
        int to = offset + len;
        while (from < to && buf[from] == ' ') {
            from++;
        }
        while (to > from && buf[to - 1] == ' ') {
            to--;
        }
        if (from == to) {
            return null;
        }
        boolean negative = buf[from] == '-';
        int i = negative || buf[from] == '+' ? from + 1 : from;
        if (i == to || to - i > 18) { // more digits than surely fit: let the JDK decide
            return Long.parseLong(new String(buf, from, to - from).replace("+", ""));
        }
        long value = 0;
        for (; i < to; i++) {
            int digit = buf[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new NumberFormatException(new String(buf, offset, len));
            }
            value = value * 10 + digit;
        }
        return negative ? -value : value;
    }

    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = Double.parseDouble("1e" + i);
        }
    }

    /**
     * A double, or null for blank text. Plain decimals of up to 15 digits ({@code -1157.58}) take Clinger's
     * fast path: the digits and the power of ten are both exact doubles, so one division rounds correctly,
     * as {@link Double#parseDouble} would; anything else goes to the JDK.
     */
    static Double parseDouble(char[] buf, int offset, int len) {
        int i = offset;
        int end = offset + len;
        boolean negative = i < end && buf[i] == '-';
        if (negative) {
            i++;
        }
        long digits = 0;
        int count = 0;
        int scale = -1;
        for (; i < end; i++) {
            char c = buf[i];
            if (c >= '0' && c <= '9') {
                digits = digits * 10 + (c - '0');
                if (++count > 15) {
                    break;
                }
                if (scale >= 0) {
                    scale++;
                }
            } else if (c == '.' && scale < 0) {
                scale = 0;
            } else {
                break;
            }
        }
        if (i == end && count > 0 && count <= 15) {
            double value = scale > 0 ? digits / POWERS_OF_TEN[scale] : digits;
            return negative ? -value : value;
        }
        String text = new String(buf, offset, len).trim();
        return text.isEmpty() ? null : Double.valueOf(text);
    }

    /** The same for text (JSON strings). */
    static Object parse(String text, dev.sluice.api.FieldType type) {
        char[] chars = text.toCharArray();
        return type == dev.sluice.api.FieldType.LONG ? (Object) parseLong(chars, 0, chars.length)
                : (Object) parseDouble(chars, 0, chars.length);
    }
}
