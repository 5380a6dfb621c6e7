package io.github.chaoswatch.init;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

/**
 * How a recurrent initializer splits the array DL4J hands it into blocks, inferred from the shape alone
 * (THEORY.md §5.1, §5.4).
 *
 * <p>DL4J passes recurrent initializers fanIn = n and fanOut = nIn + n for LSTM, the values of the input weights, so
 * only {@code shape} says what the array is:
 * <table>
 *   <caption>Layouts</caption>
 *   <tr><th>shape</th><th>read as</th><th>blocks</th></tr>
 *   <tr><td>[n, n]</td><td>SimpleRnn RW (or any square matrix)</td><td>one n×n block</td></tr>
 *   <tr><td>[n, 4n]</td><td>LSTM RW: gates [candidate, forget, output, input] (THEORY.md §3.4)</td>
 *       <td>four n×n blocks, each its own matrix</td></tr>
 *   <tr><td>[n, 4n+3]</td><td>GravesLSTM RW: four gate blocks and three peephole columns</td>
 *       <td>four n×n blocks; peephole columns set to 0</td></tr>
 *   <tr><td>[a, b], other</td><td>a non-recurrent matrix (input weights W [nIn, nOut])</td>
 *       <td>one a×b block</td></tr>
 * </table>
 * Orthogonalizing a whole n×4n array would give orthonormal rows of length 4n, whose n×n gate blocks are not
 * isometries; hence the blocks. An input weight matrix that happens to have one of the recurrent shapes (nIn = n) is
 * filled the same way, which is harmless for the supported initializers.
 *
 * <p>Graves peepholes are vectors multiplying the cell state, not a recurrent matrix: no gain or orthogonality
 * applies to them, and 0 makes the layer start as a plain LSTM. Immutable.
 */
final class BlockLayout {

    /** The kind of array. */
    enum Kind {
        /** One square block: SimpleRnn RW. */
        SQUARE,
        /** Four gate blocks: LSTM RW. */
        LSTM,
        /** Four gate blocks and three peephole columns: GravesLSTM RW. */
        GRAVES_LSTM,
        /** One rectangular block: not a recurrent weight matrix. */
        RECTANGULAR
    }

    /** The number of gate blocks of an LSTM RW (THEORY.md §3.4). */
    static final int GATES = 4;

    /** The number of peephole columns of a GravesLSTM RW (THEORY.md §3.5). */
    static final int PEEPHOLES = 3;

    private final Kind kind;
    private final long[] shape;
    private final int rows;
    private final int columns;

    private BlockLayout(Kind kind, long[] shape, int rows, int columns) {
        this.kind = kind;
        this.shape = shape;
        this.rows = rows;
        this.columns = columns;
    }

    /**
     * Returns the layout of an array of {@code shape}.
     *
     * @param initializer the initializer's name, for messages
     * @throws IllegalArgumentException if the shape is not a rank-2 shape with positive sizes
     */
    static BlockLayout of(long[] shape, String initializer) {
        if (shape == null || shape.length != 2 || !(shape[0] >= 1 && shape[1] >= 1)
                || shape[0] * shape[1] > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(initializer + " initializes matrices; got parameter shape "
                    + Arrays.toString(shape) + ". Use it for recurrent weights (weightInitRecurrent) or dense"
                    + " weights [nIn, nOut], not for convolution kernels or vectors");
        }
        int rows = (int) shape[0];
        int columns = (int) shape[1];
        Kind kind;
        if (columns == rows) {
            kind = Kind.SQUARE;
        } else if ((long) columns == (long) GATES * rows) {
            kind = Kind.LSTM;
        } else if ((long) columns == (long) GATES * rows + PEEPHOLES) {
            kind = Kind.GRAVES_LSTM;
        } else {
            kind = Kind.RECTANGULAR;
        }
        return new BlockLayout(kind, shape.clone(), rows, columns);
    }

    /** Returns the kind. */
    Kind kind() {
        return kind;
    }

    /** Returns the number of rows: n for the recurrent kinds, the fan-in nIn of a dense W. */
    int rows() {
        return rows;
    }

    /** Returns the number of columns. */
    int columns() {
        return columns;
    }

    /** Returns true for the gated kinds (LSTM and GravesLSTM). */
    boolean gated() {
        return kind == Kind.LSTM || kind == Kind.GRAVES_LSTM;
    }

    /**
     * Fills {@code paramView} with blocks drawn from {@code sampler} (peephole columns 0) and returns it reshaped to
     * the shape in {@code order}: the view itself, so that the layer's parameter table stays in sync with the
     * network's flattened parameter vector (THEORY.md §5.4). Values are cast to the view's data type.
     *
     * @throws IllegalArgumentException if the view's length is not the product of the shape, or the order is not
     *                                  'c' or 'f'
     */
    INDArray fill(char order, INDArray paramView, BlockSampler sampler) {
        if (order != 'c' && order != 'f') {
            throw new IllegalArgumentException("order '" + order + "' is not an ND4J order; expected 'c' or 'f'");
        }
        if (paramView.length() != (long) rows * columns) {
            throw new IllegalArgumentException("the parameter view has " + paramView.length() + " entries but shape "
                    + Arrays.toString(shape) + " needs " + (long) rows * columns);
        }
        double[][] values = new double[rows][columns];
        if (kind == Kind.RECTANGULAR || kind == Kind.SQUARE) {
            values = sampler.sample(rows, columns);
        } else {
            for (int gate = 0; gate < GATES; gate++) {
                double[][] block = sampler.sample(rows, rows);
                for (int i = 0; i < rows; i++) {
                    System.arraycopy(block[i], 0, values[i], gate * rows, rows);
                }
            }
        }
        double[] flat = new double[rows * columns];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                flat[order == 'f' ? i + j * rows : i * columns + j] = values[i][j];
            }
        }
        INDArray view = paramView.reshape(order, shape);
        view.assign(Nd4j.create(flat, shape, order).castTo(view.dataType()));
        return view;
    }

    @Override
    public String toString() {
        return kind + Arrays.toString(shape);
    }

    /** Draws one block. */
    @FunctionalInterface
    interface BlockSampler {
        /** Returns a new row-major {@code rows × columns} block. */
        double[][] sample(int rows, int columns);
    }
}
