/**
 * Not API: the numerical kernels behind the spectrum engine, plain Java and OpenBLAS/LAPACK, and the rule that picks
 * one (THEORY.md §2.9, docs/benchmarks.md). Classes here may change in any release.
 */
package io.github.chaoswatch.linalg.internal;
