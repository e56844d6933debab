/**
 * Benchmark baseline only, never shipped: a bare Payara Micro + JAX-RS + Freemarker page of about the campaign
 * page's size and shape, for {@code platform/benchmarks/page-throughput.sh} to compare the platform with.
 */
package org.chorus.bench.barepage;
