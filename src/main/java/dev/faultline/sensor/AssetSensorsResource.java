package dev.faultline.sensor;

import dev.faultline.error.FieldError;
import dev.faultline.error.InputText;
import dev.faultline.error.ProblemException;
import dev.faultline.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An asset's sensors: list them, and say what one measures. */
@Path("/api/v1/assets/{id}/sensors")
@Tag(name = "Sensors")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TECHNICIAN, Roles.RECORDS_READ})
public class AssetSensorsResource {

    private final SensorService service;

    AssetSensorsResource(SensorService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "The asset's sensors, with unit, description and normal range")
    public List<SensorView> list(@PathParam("id") String asset) {
        return service.sensors(asset);
    }

    @PUT
    @Path("/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ENGINEER, Roles.SENSORS_WRITE})
    @Operation(summary = "Describe a sensor: unit, description, normal range (normalMin, normalMax)")
    public SensorView describe(@PathParam("id") String asset, @PathParam("name") String name, SensorDescription d) {
        List<FieldError> errors = new ArrayList<>();
        check(errors, "name", name, 100);
        check(errors, "unit", d == null ? null : d.unit(), 30);
        check(errors, "description", d == null ? null : d.description(), 500);
        if (d != null && d.normalMin() != null && d.normalMax() != null && d.normalMin() > d.normalMax()) {
            errors.add(FieldError.of("normalMax", "is below normalMin"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        SensorDescription given = d == null ? new SensorDescription(null, null, null, null) : d;
        return service.describe(asset, name, new SensorView(asset, name, given.unit(), given.description(),
                given.normalMin(), given.normalMax()));
    }

    private static void check(List<FieldError> errors, String field, String value, int max) {
        if (value == null) {
            return;
        }
        String problem = value.length() > max ? "is longer than " + max + " characters"
                : InputText.problem(value, field.equals("description"));
        if (problem != null) {
            errors.add(FieldError.of(field, problem));
        }
    }
}
