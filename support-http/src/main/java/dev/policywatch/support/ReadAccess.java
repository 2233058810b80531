package dev.policywatch.support;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one declaration of a read endpoint's 401 in the OpenAPI document: an operation that passes
 * {@link Access#requireRead} carries this (or its controller does, when every operation is a read) instead
 * of its own {@code @ApiResponse(responseCode = "401")}.
 * micronaut-openapi reads the swagger annotation on it; {@link ProblemResponses} adds its problem+json
 * schema. Fixed values only: attributes aliased onto it would lose their description.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@ApiResponse(responseCode = "401", description = ReadAccess.DESCRIPTION)
public @interface ReadAccess {

    /** The 401's description. */
    String DESCRIPTION = "A read token is set and the request lacks it";
}
