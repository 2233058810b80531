/**
 * The provision diff engine. {@link dev.policywatch.engine.Engine} is the front door: extract
 * ({@code extract}), segment ({@code segment}), align ({@code align}) and diff ({@code diff}) two
 * versions of a document. Pure Java: no clock, network, database or framework; callers pass bytes or
 * blocks. The {@code diff} command lives in {@code cli}.
 */
package dev.policywatch.engine;
