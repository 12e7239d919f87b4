package dev.faultline.db;

import com.pgvector.PGvector;

/** pgvector values as JDBC parameters (the only place that knows the pgvector classes). */
public final class Vectors {

    private Vectors() {}

    public static Object param(float[] vector) {
        return new PGvector(vector);
    }
}
