package io.github.chaoswatch.samples.cli;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one input sequence from a CSV file: one row per time step, one column per input feature, comma-separated;
 * an optional header row (any non-numeric first row) and blank lines are skipped.
 */
final class InputsCsv {

    private InputsCsv() {
    }

    /**
     * Returns the sequence as a model input {@code [1, nIn, time]} in double precision.
     *
     * @param expectedInputs the model's input size nIn, or 0 when unknown (then every row must have as many columns
     *                       as the first)
     * @throws IllegalArgumentException if the file is missing or empty, a row has a different number of columns than
     *                                  nIn, or a value is not a finite number (the message names the line)
     */
    static INDArray read(Path file, long expectedInputs) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the inputs file " + file + " (" + e + "); pass a CSV"
                    + " file with one row per time step and one column per input", e);
        }
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            boolean header = rows.isEmpty() && !isNumber(line.split(",", -1)[0]);
            if (line.isEmpty() || header) {
                continue;
            }
            rows.add(parse(file, i + 1, line, rows.isEmpty() ? expectedInputs : rows.get(0).length));
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("the inputs file " + file + " holds no data rows; write one row per"
                    + " time step with " + expectedInputs + " comma-separated numbers");
        }
        int inputs = rows.get(0).length;
        INDArray input = Nd4j.create(DataType.DOUBLE, 1, inputs, rows.size());
        for (int t = 0; t < rows.size(); t++) {
            for (int j = 0; j < inputs; j++) {
                input.putScalar(new long[] {0, j, t}, rows.get(t)[j]);
            }
        }
        return input;
    }

    private static boolean isNumber(String cell) {
        try {
            Double.parseDouble(cell.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static double[] parse(Path file, int lineNumber, String line, long expectedInputs) {
        String[] cells = line.split(",", -1);
        if (expectedInputs > 0 && cells.length != expectedInputs) {
            throw new IllegalArgumentException(file + " line " + lineNumber + " has " + cells.length + " columns but"
                    + " the model takes " + expectedInputs + " inputs; write one column per input");
        }
        double[] row = new double[cells.length];
        for (int j = 0; j < cells.length; j++) {
            try {
                row[j] = Double.parseDouble(cells[j].strip());
            } catch (NumberFormatException e) {
                row[j] = Double.NaN;
            }
            // Positive form: NaN and infinities fail.
            if (!(Math.abs(row[j]) <= Double.MAX_VALUE)) {
                throw new IllegalArgumentException(file + " line " + lineNumber + " column " + (j + 1) + " is '"
                        + cells[j].strip() + "', not a finite number");
            }
        }
        return row;
    }
}
