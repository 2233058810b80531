package dev.policywatch.engine.segment;

import dev.policywatch.engine.segment.Segmentation.Scheme;

/**
 * How one numbering scheme reads a document: a role per block and how much of the document it
 * explains.
 *
 * @param scheme     the scheme
 * @param roles      one role per block
 * @param provisions how many provisions the scheme found (the length of its increasing sequence)
 * @param prior      how much a provision of this scheme counts against the others' (see {@link Segmenter})
 */
record Reading(Scheme scheme, Role[] roles, int provisions, double prior) {

    double score() {
        return provisions * prior;
    }
}
