package io.github.chaoswatch.dynamics;

import io.github.chaoswatch.linalg.DenseMatrix;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.Map;

/**
 * Copies DL4J parameters out of a layer's parameter table into plain doubles.
 *
 * <p>{@code paramTable()} hands out live 'f'-order views that change every iteration (THEORY.md §3.1); every
 * adapter reads them once, through here, so no adapter ever keeps a view.
 */
final class ParameterCopy {

    private ParameterCopy() {
    }

    /** Returns the parameter {@code key}, or fails naming the layer and the keys that exist. */
    static INDArray require(Map<String, INDArray> table, String key, String layerName) {
        INDArray value = table.get(key);
        if (value == null) {
            throw new IllegalArgumentException("layer '" + layerName + "' has no parameter '" + key + "' (it has "
                    + table.keySet() + "); it does not have the layout chaoswatch expects for its type");
        }
        return value;
    }

    /** Returns the first {@code columns} columns of a 2-D parameter as a double matrix. */
    static DenseMatrix matrix(INDArray parameter, int columns) {
        double[][] all = parameter.castTo(DataType.DOUBLE).toDoubleMatrix();
        double[][] kept = new double[all.length][];
        for (int i = 0; i < all.length; i++) {
            kept[i] = Arrays.copyOf(all[i], columns);
        }
        return DenseMatrix.of(kept);
    }

    /** Returns column {@code column} of a 2-D parameter (a Graves peephole vector). */
    static double[] column(INDArray parameter, int column) {
        return parameter.castTo(DataType.DOUBLE).getColumn(column).dup().data().asDouble();
    }

    /** Returns all entries of a vector parameter, whatever its rank. */
    static double[] vector(INDArray parameter) {
        return parameter.castTo(DataType.DOUBLE).dup().data().asDouble();
    }
}
