package dev.faultline.sensor;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sensor readings in, from a historian, a SCADA bridge or a script. */
@Path("/api/v1/sensor-readings")
@Tag(name = "Sensors")
@RolesAllowed({Roles.SENSORS_WRITE, Roles.ENGINEER})
public class SensorReadingsResource {

    private final SensorService service;
    // NaN and Infinity are read, so that they can be refused by item and field instead of failing the whole body
    private final ObjectMapper lenient;

    SensorReadingsResource(SensorService service, ObjectMapper json) {
        this.service = service;
        this.lenient = json.copy().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS.mappedFeature());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Write sensor readings: idempotent on asset, sensor and time; all or nothing",
            description = "{\"readings\":[{\"asset\":\"P-101\",\"sensor\":\"vibration_rms\",\"time\":\"2026-11-30T08:00:00Z\","
                    + "\"value\":4.2}]}; 1 to faultline.sensors.max-batch items. Unknown assets and sensors are created."
                    + " Answers how many readings were inserted, updated (a new value) and unchanged.")
    @RequestBody(description = "the readings")
    @APIResponse(responseCode = "422", description = "A bad item: names the item and field; nothing is written")
    public ReadingsResult write(InputStream body) throws IOException {
        return service.write(lenient.readValue(body, ReadingsRequest.class));
    }
}
