package io.github.chaoswatch.linalg;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.Arrays;

/**
 * A dense real matrix stored column-major in native (off-heap) memory.
 *
 * <p>Entry (i, j) lives at index {@code i + j·rows}. The storage is a direct buffer so that BLAS and LAPACK read and
 * write it in place, without the copies that Java arrays would cost on every call; plain Java code reads it through
 * {@link #get(int, int)} and {@link #set(int, int, double)}. Tangent frames (the D×k matrix Q of THEORY.md §2.2) and
 * the weight matrices of the dynamics adapters are {@code DenseMatrix} instances.
 *
 * <p>Not thread-safe: a matrix is owned by one computation at a time.
 */
public final class DenseMatrix {

    private final int rows;
    private final int columns;
    private final DoubleBuffer data;

    private DenseMatrix(int rows, int columns) {
        if (rows < 0 || columns < 0 || (long) rows * columns > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "matrix shape " + rows + " x " + columns + " is invalid; both sizes must be >= 0 and their product"
                            + " at most " + Integer.MAX_VALUE);
        }
        this.rows = rows;
        this.columns = columns;
        this.data = ByteBuffer.allocateDirect(Math.multiplyExact(rows * columns, Double.BYTES))
                .order(ByteOrder.nativeOrder())
                .asDoubleBuffer();
    }

    /** Returns a new {@code rows × columns} matrix of zeros. */
    public static DenseMatrix zeros(int rows, int columns) {
        return new DenseMatrix(rows, columns);
    }

    /** Returns a new matrix holding a copy of {@code entries}, given row by row ({@code entries[i][j]} is (i, j)). */
    public static DenseMatrix of(double[][] entries) {
        int rows = entries.length;
        int columns = rows == 0 ? 0 : entries[0].length;
        DenseMatrix m = new DenseMatrix(rows, columns);
        for (int i = 0; i < rows; i++) {
            if (entries[i].length != columns) {
                throw new IllegalArgumentException("row " + i + " has " + entries[i].length + " entries, row 0 has "
                        + columns + "; all rows must have the same length");
            }
            for (int j = 0; j < columns; j++) {
                m.set(i, j, entries[i][j]);
            }
        }
        return m;
    }

    /** Returns the number of rows. */
    public int rows() {
        return rows;
    }

    /** Returns the number of columns. */
    public int columns() {
        return columns;
    }

    /** Returns entry (i, j). */
    public double get(int i, int j) {
        return data.get(i + j * rows);
    }

    /** Sets entry (i, j). */
    public void set(int i, int j, double value) {
        data.put(i + j * rows, value);
    }

    /** Returns the entry at column-major index {@code index} ({@code i + j·rows}). */
    public double get(int index) {
        return data.get(index);
    }

    /** Sets the entry at column-major index {@code index} ({@code i + j·rows}). */
    public void set(int index, double value) {
        data.put(index, value);
    }

    /** Multiplies row i by {@code factors[i]} for every row, i.e. this := diag(factors)·this. */
    public void scaleRows(double[] factors) {
        if (factors.length != rows) {
            throw new IllegalArgumentException(factors.length + " factors for " + rows + " rows");
        }
        for (int j = 0, index = 0; j < columns; j++) {
            for (int i = 0; i < rows; i++, index++) {
                data.put(index, factors[i] * data.get(index));
            }
        }
    }

    /**
     * Copies {@code count} rows of {@code source}, starting at row {@code sourceRow}, into this matrix starting at
     * row {@code targetRow}, over the columns both matrices have.
     */
    public void copyRows(DenseMatrix source, int sourceRow, int targetRow, int count) {
        int columnCount = Math.min(columns, source.columns);
        for (int j = 0; j < columnCount; j++) {
            int from = sourceRow + j * source.rows;
            int to = targetRow + j * rows;
            for (int i = 0; i < count; i++) {
                data.put(to + i, source.data.get(from + i));
            }
        }
    }

    /** Copies every entry of {@code source}, which must have this matrix's shape. */
    public void assign(DenseMatrix source) {
        if (source.rows != rows || source.columns != columns) {
            throw new IllegalArgumentException("cannot assign a " + source.rows + " x " + source.columns
                    + " matrix to a " + rows + " x " + columns + " matrix; the shapes must match");
        }
        data.clear();
        data.put(source.data.duplicate().clear());
        data.clear();
    }

    /** Returns the Frobenius norm √(Σ a_ij²). */
    public double frobeniusNorm() {
        double sum = 0;
        for (int index = 0, size = rows * columns; index < size; index++) {
            double v = data.get(index);
            sum += v * v;
        }
        return Math.sqrt(sum);
    }

    /** Returns the entries as a new row-major {@code double[rows][columns]}. */
    public double[][] toArray() {
        double[][] out = new double[rows][columns];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                out[i][j] = get(i, j);
            }
        }
        return out;
    }

    /**
     * Returns a view of the storage starting at column-major index {@code offset}, for native kernels.
     * The view shares memory with this matrix; its position marks the offset.
     */
    public DoubleBuffer buffer(int offset) {
        return data.duplicate().position(offset);
    }

    @Override
    public String toString() {
        return "DenseMatrix" + Arrays.deepToString(toArray());
    }
}
