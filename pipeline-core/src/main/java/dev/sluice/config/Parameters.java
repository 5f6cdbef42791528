package dev.sluice.config;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Fills {@code ${name}} and {@code ${name:-default}} in YAML values; a default may itself hold
 * {@code ${...}}. Remembers every name it found a value for, and that value, so a stage process can
 * reload the file with exactly the same values; a default is not remembered but evaluated again, so one
 * built on {@code ${run-dir}} follows a run directory that was moved.
 */
final class Parameters {
    /** A parameter with no value and no default. */
    static final class Missing extends RuntimeException {
        private static final long serialVersionUID = 1L;

        final String name;

        Missing(String name) {
            super("parameter '" + name + "' has no value: pass --set " + name + "=VALUE or set it in the environment");
            this.name = name;
        }
    }

    private final Function<String, String> lookup;
    private final Map<String, String> used = new TreeMap<>();

    Parameters(Function<String, String> lookup) {
        this.lookup = lookup;
    }

    String fill(String text) {
        if (text.indexOf("${") < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf("${", i);
            if (start < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, start);
            int end = closingBrace(text, start + 2);
            if (end < 0) {
                throw new IllegalArgumentException("unclosed '${' in '" + text + "'");
            }
            out.append(resolve(text.substring(start + 2, end)));
            i = end + 1;
        }
        return out.toString();
    }

    private String resolve(String expression) {
        int split = expression.indexOf(":-");
        String name = (split < 0 ? expression : expression.substring(0, split)).trim();
        String value = lookup.apply(name);
        if (value == null) {
            if (split < 0) {
                throw new Missing(name);
            }
            return fill(expression.substring(split + 2)); // not recorded: reloading evaluates the default again
        }
        used.put(name, value);
        return value;
    }

    private static int closingBrace(String text, int from) {
        int depth = 1;
        for (int i = from; i < text.length(); i++) {
            if (text.startsWith("${", i)) {
                depth++;
                i++;
            } else if (text.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    Map<String, String> used() {
        return used;
    }
}
