package dev.policywatch.diff.history;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@link DocumentRead} with the 404 of a document that is not in the history: what a read that needs only
 * the document (its versions, its lineage) declares in the OpenAPI document.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Tag(name = "documents")
@ApiResponse(responseCode = "400", description = "The documentId is malformed")
@ApiResponse(responseCode = "404", description = "No such document in the history")
@interface KnownDocumentRead {
}
