package dev.policywatch.support;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Renders {@link Problem} as {@code application/problem+json}. */
@Produces
@Singleton
@Requires(classes = {Problem.class, ExceptionHandler.class})
public final class ProblemHandler implements ExceptionHandler<Problem, HttpResponse<Problem.ProblemBody>> {

    public static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");

    @Override
    public HttpResponse<Problem.ProblemBody> handle(HttpRequest request, Problem problem) {
        return HttpResponse.<Problem.ProblemBody>status(problem.status())
                .contentType(PROBLEM_JSON)
                .body(problem.body());
    }
}
