package dev.sluice.bench;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The three CSV libraries considered for the csv source, on the same 16 MiB of orders CSV (a fifth of
 * the product names quoted, with commas and doubled quotes; Unicode): each reads UTF-8 bytes through a
 * Reader and touches every field. Scores are milliseconds per 16 MiB; scripts/bench csv turns them into MB/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CsvParseBenchmark {
    static final int BYTES = 16 << 20;

    private byte[] csv;

    @Setup
    public void generate() {
        Random random = new Random(1);
        String[] products = {"Steel kettle", "\"Vintage sensor, v2\"", "Café lamp", "\"12\"\" ruler\"", "Blue desk"};
        StringBuilder text = new StringBuilder(BYTES + 200).append("order_id,date,customer,product,quantity,amount\n");
        for (long id = 1; text.length() < BYTES; id++) {
            text.append(id).append(",2026-0").append(1 + random.nextInt(9)).append("-1").append(random.nextInt(10))
                    .append(",C").append(10_000 + random.nextInt(5_000)).append(',')
                    .append(products[random.nextInt(products.length)]).append(',').append(1 + random.nextInt(9))
                    .append(',').append(random.nextInt(200_000) / 100.0).append('\n');
        }
        csv = text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private Reader reader() {
        return new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8);
    }

    @Benchmark
    public long fastCsv() throws IOException {
        long chars = 0;
        try (CsvReader<CsvRecord> records = CsvReader.builder().ofCsvRecord(reader())) {
            for (CsvRecord record : records) {
                for (int i = 0; i < record.getFieldCount(); i++) {
                    chars += record.getField(i).length();
                }
            }
        }
        return chars;
    }

    @Benchmark
    public long jacksonCsv() throws IOException {
        long chars = 0;
        try (CsvParser parser = new CsvFactory().createParser(reader())) {
            parser.enable(CsvParser.Feature.WRAP_AS_ARRAY);
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_STRING) {
                    chars += parser.getText().length();
                }
            }
        }
        return chars;
    }

    @Benchmark
    public long commonsCsv() throws IOException {
        long chars = 0;
        try (var records = CSVFormat.RFC4180.parse(reader())) {
            for (CSVRecord record : records) {
                for (int i = 0; i < record.size(); i++) {
                    chars += record.get(i).length();
                }
            }
        }
        return chars;
    }
}
