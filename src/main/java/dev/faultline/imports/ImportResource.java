package dev.faultline.imports;

import dev.faultline.security.CurrentUser;
import dev.faultline.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import dev.faultline.error.FieldError;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** CSV / JSONL file imports: accepted as a job (202), then followed by id. */
@Path("/api/v1/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports")
@RolesAllowed({Roles.ENGINEER, Roles.RECORDS_WRITE})
public class ImportResource {

    private final ImportService service;
    private final CurrentUser user;

    ImportResource(ImportService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Import a file of records (CSV or JSONL) or of sensor readings (CSV or TSV)",
            description = "Multipart fields: file (required); target (records, the default, or readings);"
                    + " format (csv, tsv or jsonl, else from the file name);"
                    + " source (default: the file name without extension); kind (default maintenance_log);"
                    + " mapping (CSV only, JSON object of record field to column, e.g."
                    + " {\"externalId\":\"IDENT\",\"text\":\"PROBLEM\",\"fields.action\":\"ACTION\"})."
                    + " The whole file is checked (UTF-8, structure, mapping) before it is accepted; row problems"
                    + " are reported per line by GET /api/v1/imports/{id} and do not stop the other rows."
                    + " Readings: long layout (columns asset, sensor, time, value) or wide (asset, time and one column"
                    + " per sensor); a cycle column instead of time is read as cycleStart + cycle x cycleLength"
                    + " (ISO-8601, defaults 2000-01-01T00:00:00Z and PT1H).")
    @APIResponse(responseCode = "202", description = "Accepted: the job, with its id and row count")
    @APIResponse(responseCode = "400", description = "Unreadable file or bad form field (problem+json, with line)")
    @APIResponse(responseCode = "413", description = "File larger than faultline.imports.max-file-bytes")
    public Response submit(
            @RestForm("file") FileUpload file,
            @RestForm String format,
            @RestForm String source,
            @RestForm String kind,
            @RestForm String mapping,
            @RestForm String target,
            @RestForm String cycleStart,
            @RestForm String cycleLength) {
        ImportUpload upload = file == null
                ? new ImportUpload(null, null, 0, format, source, kind, mapping, target, cycleStart, cycleLength)
                : new ImportUpload(file.uploadedFile(), file.fileName(), file.size(), format, source, kind, mapping,
                        target, cycleStart, cycleLength);
        ImportView job = service.submit(upload, user.name());
        return Response.accepted(job).location(URI.create("/api/v1/imports/" + job.id())).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "State, rows total / done / failed, rate, and the first row errors of an import")
    public ImportView get(@PathParam("id") UUID id) {
        return service.status(id);
    }

    @GET
    @Path("/{id}/errors.csv")
    @Produces("text/csv")
    @Operation(summary = "The failed rows of an import as CSV: line, field, reason (the first"
            + " faultline.imports.max-stored-errors of them; rowsFailed counts them all)")
    public Response errors(@PathParam("id") UUID id) {
        List<FieldError> errors = service.errors(id);
        StreamingOutput body = out -> {
            try (CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                    CSVFormat.DEFAULT.builder().setHeader("line", "field", "reason").get())) {
                for (FieldError e : errors) {
                    csv.printRecord(e.line(), e.field(), e.reason());
                }
            }
        };
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"import-" + id + "-errors.csv\"")
                .build();
    }

    @GET
    @Operation(summary = "The 50 most recent imports, each with its first row errors")
    public List<ImportView> list() {
        return service.recent(50);
    }
}
