/**
 * The {@code -javaagent}: sizes every OpenBLAS, MKL and OpenMP runtime an application loads later by
 * setting {@code OPENBLAS_NUM_THREADS}, {@code OMP_NUM_THREADS} and {@code MKL_NUM_THREADS} in the C
 * environment before {@code main}, with the same decision as the library ({@code internal.policy}).
 * {@code AgentMain} (the only class at the agent jar's top level, JDK only) runs {@code AgentRun} in an
 * isolated class loader over the jar's {@code META-INF/interp4j-agent/classes/} tree; {@code AgentOptions}
 * parses the options, {@code AgentDecision} is the pure decision, {@code CEnvironment} the JavaCPP-free JNI
 * stub ({@code src/main/c}).
 *
 * <p>Owns: the agent's options, its line on stderr, the stub. May use: {@code internal.policy},
 * {@code internal.cgroup} and the API value types; never JavaCPP, OpenBLAS or the application's logging
 * (its slf4j is a private copy with the no-operation provider).
 */
package io.github.interp4j.nativeconfig.internal.agent;
