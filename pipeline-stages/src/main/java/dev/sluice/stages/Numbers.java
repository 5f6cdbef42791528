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

    /** A double, or null for blank text. */
    static Double parseDouble(char[] buf, int offset, int len) {
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
