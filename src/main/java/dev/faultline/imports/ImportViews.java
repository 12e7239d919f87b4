package dev.faultline.imports;

import dev.faultline.error.FieldError;
import java.util.List;

/** Builds the API view of a job: percentages and rate from the stored counts. */
final class ImportViews {

    private ImportViews() {}

    static ImportView of(ImportJobRow job, List<FieldError> errors) {
        Progress p = job.progress();
        long processed = p.done() + p.failed();
        double percent = job.rowsTotal() == 0 ? 100.0 : Math.min(100.0, 100.0 * processed / job.rowsTotal());
        double rate = p.millis() == 0 ? 0.0 : processed * 1000.0 / p.millis();
        return new ImportView(job.id(), job.state(), job.target().name(), job.format().name(), job.fileName(), job.source(),
                job.rowsTotal(), p.done(), p.failed(), p.created(), p.updated(), p.unchanged(),
                Math.round(percent * 10) / 10.0, Math.round(rate * 10) / 10.0, job.attempts(), job.message(),
                job.ignoredColumns(), job.createdAt(), job.startedAt(), job.finishedAt(), errors);
    }
}
