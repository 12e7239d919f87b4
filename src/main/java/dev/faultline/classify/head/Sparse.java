package dev.faultline.classify.head;

/** A sparse vector: sorted distinct indexes and their values. */
public record Sparse(int[] index, float[] value) {

    public static final Sparse EMPTY = new Sparse(new int[0], new float[0]);

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
