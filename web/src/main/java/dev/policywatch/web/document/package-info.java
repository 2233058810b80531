/** The document page at {@code /documents/{documentId}}: its versions, newest first, each with the change that introduced it. */
package dev.policywatch.web.document;
