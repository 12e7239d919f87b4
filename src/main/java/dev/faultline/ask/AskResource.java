package dev.faultline.ask;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.error.ProblemException;
import dev.faultline.security.Roles;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.OutboundSseEvent;
import java.util.Map;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Questions answered from the records, with citations; whole (JSON) or streamed (server-sent events). */
@Path("/api/v1/ask")
@RolesAllowed({Roles.TECHNICIAN, Roles.ASK})
@Tag(name = "Ask")
public class AskResource {

    private final AskService service;
    private final ObjectMapper json;
    private final ManagedExecutor executor;

    AskResource(AskService service, ObjectMapper json, ManagedExecutor executor) {
        this.service = service;
        this.json = json;
        this.executor = executor;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer a question from the records, citing them",
            description = "Hybrid search retrieves the top records (with the filters); the configured LLM server or the"
                    + " built-in extractive mode answers; every citation points to a retrieved record.")
    @APIResponse(responseCode = "422", description = "No question, a question too long, or a bad filter")
    public AskView ask(AskRequest request) {
        return service.ask(request);
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "The same answer as server-sent events: retrieved (each record), sentence (each sentence of"
            + " the LLM's answer once its citations are checked), dropped (why a sentence is not shown), done (the"
            + " checked answer, as POST returns it) or problem")
    public Multi<OutboundSseEvent> stream(@QueryParam("question") String question, @QueryParam("asset") String asset,
            @QueryParam("site") String site, @QueryParam("kind") String kind, @QueryParam("source") String source,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("faultClass") String faultClass, @Context Sse sse) {
        AskRequest request = new AskRequest(question,
                new AskRequest.Filters(asset, site, kind, source, from, to, faultClass));
        return Multi.createFrom().emitter(emitter -> executor.runAsync(() -> {
            try {
                AskView answer = service.stream(request, new AskEvents() {
                    @Override
                    public void retrieved(AskView.Retrieved record) {
                        emitter.emit(event(sse, "retrieved", record));
                    }

                    @Override
                    public void sentence(String text) {
                        emitter.emit(event(sse, "sentence", Map.of("text", text)));
                    }

                    @Override
                    public void dropped(String reason) {
                        emitter.emit(event(sse, "dropped", Map.of("reason", reason)));
                    }
                });
                emitter.emit(event(sse, "done", answer));
            } catch (ProblemException e) {
                emitter.emit(event(sse, "problem", Map.of("status", e.status(), "detail", e.getMessage(),
                        "errors", e.errors())));
            } catch (RuntimeException e) {
                emitter.fail(e);
                return;
            }
            emitter.complete();
        }));
    }

    private OutboundSseEvent event(Sse sse, String name, Object data) {
        try {
            return sse.newEventBuilder().name(name).data(json.writeValueAsString(data)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
