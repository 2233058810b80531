package dev.policywatch.diff.history;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What every read of one document ({@code /api/documents/{documentId}...}) declares in the OpenAPI
 * document: the {@code documents} tag and the 400 of a malformed {@code documentId} (the read-token 401 is
 * the controller's {@link dev.policywatch.support.ReadAccess}). The operation adds its 200 and 404;
 * {@link HistoryController#readDocument} is the check that goes with it. {@link KnownDocumentRead} is the
 * same with the 404 of a document not in the history.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Tag(name = "documents")
@ApiResponse(responseCode = "400", description = "The documentId is malformed")
@interface DocumentRead {
}
