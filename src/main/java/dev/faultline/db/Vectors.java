package dev.faultline.db;

import com.pgvector.PGvector;

/** pgvector values as JDBC parameters (the only place that knows the pgvector classes). */
public final class Vectors {

    private Vectors() {}

    public static Object param(float[] vector) {
        return new PGvector(vector);
    }

    /** A vector column read as text ({@code [0.1,0.2,...]}); null stays null. */
    public static float[] read(String text) throws java.sql.SQLException {
        return text == null ? null : new PGvector(text).toArray();
    }
}
