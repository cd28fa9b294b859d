/**
 * The runnable examples jar ({@code examples/target/interp4j-examples.jar}): {@link io.github.interp4j.examples.Main}
 * dispatches to {@code demo} (the container demo: the same RBF workload in child JVMs with interp4j's budget,
 * unmanaged OpenBLAS and 16 BLAS threads, here and inside a 1-CPU quota; progress on stderr, a PNG chart),
 * {@code diagnose} (what native-config decides in this process, from a captured tree, or inside a new CPU
 * quota) and {@code gallery} (PNG plots of every interpolation family on the same data).
 *
 * <p>Application code: it may print to {@code System.out} and depends on chart and benchmark libraries that
 * never reach the libraries.
 */
package io.github.interp4j.examples;
