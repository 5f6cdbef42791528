package dev.sluice.stages;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import dev.sluice.api.FieldType;
import dev.sluice.api.Row;
import dev.sluice.api.RowSchema;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Parses a chunk of JSON lines (one object per line) into rows of the selected fields with Jackson's
 * streaming parser; other fields are skipped unread. A missing field or JSON null is null; a string
 * field takes any scalar's text; a long or double field takes a number or a string holding one. A line
 * that is not one JSON object, or whose selected field is an object or array or not a number where one
 * is needed, is malformed. Blank lines are skipped.
 */
final class JsonLinesParser {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final RowSchema schema;
    private final Map<String, Integer> slots = new HashMap<>();
    private final ParsedChunk parsed = new ParsedChunk();

    JsonLinesParser(RowSchema schema) {
        this.schema = schema;
        for (int i = 0; i < schema.size(); i++) {
            slots.put(schema.name(i), i);
        }
    }

    ParsedChunk parse(String file, long firstLine, byte[] bytes, int length) {
        parsed.clear();
        long line = firstLine;
        for (int start = 0; start < length; line++) {
            int end = start;
            while (end < length && bytes[end] != '\n') {
                end++;
            }
            int contentEnd = end > start && bytes[end - 1] == '\r' ? end - 1 : end;
            if (!isBlank(bytes, start, contentEnd)) {
                parsed.add(start, line, parseLine(bytes, start, contentEnd - start));
            }
            start = end + 1;
        }
        parsed.seal(file, bytes, length);
        return parsed;
    }

    /** A Row, or a String saying what is wrong. */
    private Object parseLine(byte[] bytes, int offset, int length) {
        Object[] values = new Object[schema.size()];
        try (JsonParser parser = JSON.createParser(bytes, offset, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return "not a JSON object";
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                Integer slot = slots.get(parser.currentName());
                JsonToken value = parser.nextToken();
                if (slot == null) {
                    parser.skipChildren();
                    continue;
                }
                Object typed = value(parser, value, schema.type(slot));
                if (typed instanceof Problem problem) {
                    return "field '" + schema.name(slot) + "': " + problem.text;
                }
                values[slot] = typed;
            }
            if (parser.nextToken() != null) {
                return "more than one JSON value on the line";
            }
        } catch (IOException e) {
            return "not JSON: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage());
        }
        return Row.of(schema, values);
    }

    private static Object value(JsonParser parser, JsonToken token, FieldType type) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            parser.skipChildren();
            return new Problem("an object or array, not a " + type.label());
        }
        try {
            return switch (type) {
                case STRING -> parser.getText();
                case LONG -> token == JsonToken.VALUE_NUMBER_INT ? (Object) parser.getLongValue()
                        : token == JsonToken.VALUE_NUMBER_FLOAT ? integral(parser.getDoubleValue())
                        : token == JsonToken.VALUE_STRING ? Numbers.parse(parser.getText(), type)
                        : new Problem(parser.getText() + " is not a long");
                case DOUBLE -> token.isNumeric() ? (Object) parser.getDoubleValue()
                        : token == JsonToken.VALUE_STRING ? Numbers.parse(parser.getText(), type)
                        : new Problem(parser.getText() + " is not a double");
            };
        } catch (NumberFormatException | InputCoercionException e) {
            return new Problem("'" + parser.getText() + "' is not a " + type.label());
        }
    }

    private static Object integral(double value) {
        return value == Math.rint(value) && Math.abs(value) < 0x1p63 ? (Object) (long) value
                : new Problem(value + " is not a long");
    }

    private static boolean isBlank(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    /** The fields, as a parse worker receives them. */
    byte[] plan() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            StateIO.writeSchema(out, schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static JsonLinesParser fromPlan(byte[] plan) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plan))) {
            return new JsonLinesParser(StateIO.readSchema(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Problem(String text) {
    }
}
