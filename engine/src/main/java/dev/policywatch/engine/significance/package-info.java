/**
 * What a change means (CONTRACT §2): {@link dev.policywatch.engine.significance.ChangeMeaning} classifies
 * every provision change as editorial or substantive ({@link dev.policywatch.engine.significance.EditorialClassifier}),
 * reads fines, deadlines, effective dates and binding modal verbs on both sides
 * ({@link dev.policywatch.engine.significance.FactReader}), and writes a one-line note per provision and a
 * headline per document ({@link dev.policywatch.engine.significance.Notes}). Pure functions over the
 * diff result: no clock, no I/O, the same input always gives the same output.
 */
package dev.policywatch.engine.significance;
