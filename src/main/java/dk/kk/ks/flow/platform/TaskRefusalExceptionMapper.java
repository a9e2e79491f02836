package dk.kk.ks.flow.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;

/**
 * Camunda's REST API (/engine-rest, and the webapps' engine API that Tasklist calls) answers a task that
 * cannot be completed or submitted with a RestException whose cause is the engine's wrapping of the
 * listener's exception: 500, "Cannot submit task form ...: ENGINE-03051 ...". When the cause is a
 * {@link TaskRefusal}, this mapper answers instead, in Camunda's error shape
 * ({@code {"type", "message", "code"}}, the message being only the Danish sentence that Tasklist shows):
 * 403 for a {@link FourEyesRefusal} (this user may not complete this task, like Camunda's own
 * AuthorizationException), 400 for a {@link ValidationRefusal} (the form needs correcting, like Camunda's
 * own FormFieldValidationException). Any other RestException is left to Camunda's handler.
 */
@Provider
@Priority(Priorities.USER - 100) // ahead of Camunda's RestExceptionHandler, which maps the same type
public class TaskRefusalExceptionMapper implements ExtendedExceptionMapper<RestException> {

    @Override
    public boolean isMappable(RestException exception) {
        return TaskRefusal.in(exception) != null;
    }

    @Override
    public Response toResponse(RestException exception) {
        TaskRefusal refusal = TaskRefusal.in(exception);
        ExceptionDto body = new ExceptionDto();
        body.setType(refusal.getClass().getSimpleName());
        body.setMessage(refusal.getMessage());
        body.setCode(refusal.getCode());
        Response.Status status = refusal instanceof FourEyesRefusal ? Response.Status.FORBIDDEN : Response.Status.BAD_REQUEST;
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
