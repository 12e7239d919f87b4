package dev.faultline.classify.head;

import java.util.Arrays;

/** A sparse vector: sorted distinct indexes and their values. */
public record Sparse(int[] index, float[] value) {

    public static final Sparse EMPTY = new Sparse(new int[0], new float[0]);

    /** The count of each distinct index among the first {@code size} of {@code indexes} (sorted in place). */
    static Sparse counted(int[] indexes, int size) {
        Arrays.sort(indexes, 0, size);
        int distinct = 0;
        for (int k = 0; k < size; k++) {
            distinct += k == 0 || indexes[k] != indexes[k - 1] ? 1 : 0;
        }
        int[] index = new int[distinct];
        float[] value = new float[distinct];
        int d = -1;
        for (int k = 0; k < size; k++) {
            if (k == 0 || indexes[k] != indexes[k - 1]) {
                index[++d] = indexes[k];
            }
            value[d]++;
        }
        return new Sparse(index, value);
    }

    public float dot(Sparse other) {
        float sum = 0;
        int i = 0;
        int j = 0;
        while (i < index.length && j < other.index.length) {
            if (index[i] == other.index[j]) {
                sum += value[i++] * other.value[j++];
            } else if (index[i] < other.index[j]) {
                i++;
            } else {
                j++;
            }
        }
        return sum;
    }
}
