package dev.sluice.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.FieldType;
import dev.sluice.api.Row;
import dev.sluice.api.RowCodec;
import dev.sluice.api.RowSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowCodecTest {
    @TempDir
    Path run;

    @Test
    void shouldRoundTripEveryTypeNullsAndLongUnicodeStrings() {
        RowSchema schema = RowSchema.builder().string("s").longField("l").doubleField("d").build();
        RowCodec codec = RowCodec.forRunDirectory(run);
        List<Row> rows = List.of(Row.of(schema, "ünïcødé 日本 🙂", Long.MIN_VALUE, -0.0),
                Row.of(schema, null, null, null), Row.of(schema, "", 0L, Double.NaN),
                Row.of(schema, "x".repeat(200_000), Long.MAX_VALUE, Double.MAX_VALUE),
                Row.of(schema, "a", -1L, Double.NEGATIVE_INFINITY));
        for (Row row : rows) {
            assertEquals(row, Encoded.roundTrip(codec, row));
        }
    }

    @Test
    void shouldWriteFieldNamesOncePerSchemaNotPerRow() {
        RowSchema schema = RowSchema.builder().string("a_rather_long_customer_field_name").longField("n").build();
        byte[] encoded = Encoded.encode(RowCodec.forRunDirectory(run), Row.of(schema, "c1", 5L));
        assertEquals(4 + 1 + 3 + 1, encoded.length, "schema id, null bitmap, string c1, varint 5");
        assertTrue(Files.exists(run.resolve(String.format("schemas/%08x.schema", schema.id()))));
    }

    @Test
    void shouldRoundTripRowsOfManyFieldsAndRandomNulls() {
        Random random = new Random(3);
        RowSchema.Builder builder = RowSchema.builder();
        for (int i = 0; i < 70; i++) {
            builder.add("f" + i, FieldType.values()[i % 3]);
        }
        RowSchema schema = builder.build();
        RowCodec codec = RowCodec.forRunDirectory(run);
        for (int n = 0; n < 200; n++) {
            Object[] values = new Object[70];
            for (int i = 0; i < 70; i++) {
                values[i] = random.nextInt(3) == 0 ? null : switch (i % 3) {
                    case 0 -> Long.toString(random.nextLong(), 36);
                    case 1 -> random.nextLong() >> random.nextInt(64);
                    default -> random.nextGaussian() * 1e6;
                };
            }
            Row row = Row.of(schema, values);
            assertEquals(row, Encoded.roundTrip(codec, row));
        }
    }

    @Test
    void shouldDecodeOnlyTheProjectedFields() {
        RowSchema schema = RowSchema.builder().string("customer").string("note").doubleField("amount")
                .longField("qty").build();
        RowCodec codec = RowCodec.forRunDirectory(run);
        byte[] bytes = Encoded.encode(codec, Row.of(schema, "c9", "skip me", 2.5, 3L));
        Row projected = Encoded.decode(codec.projecting(Set.of("amount", "customer", "absent")), bytes);
        assertEquals("{customer=c9, amount=2.5}", projected.toString());
    }

    @Test
    void shouldSayWhichSchemaItDoesNotKnow() {
        RowSchema schema = RowSchema.builder().string("only-here").build();
        byte[] bytes = Encoded.encode(RowCodec.inMemory(), Row.of(schema, "x"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Encoded.decode(RowCodec.forRunDirectory(run.resolve("elsewhere")), bytes));
        assertTrue(e.getMessage().startsWith("unknown row schema"), e.getMessage());
    }

    @Test
    void shouldRefuseValuesOfTheWrongType() {
        RowSchema schema = RowSchema.builder().longField("n").build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Row.of(schema, "7"));
        assertEquals("field 'n' is a long, not a String (7)", e.getMessage());
        assertEquals(new ArrayList<>(List.of("n")), schema.names());
    }
}
