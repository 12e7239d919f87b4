package dev.faultline.imports;

import java.io.Closeable;

/** The rows of one job's file, streamed, already checked by the job's target. */
interface JobRows extends Closeable {

    /** The next row, or null at the end of the file. */
    JobRow next();
}
