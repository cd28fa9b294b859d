/**
 * Decide: pure policy. {@code ThreadPlanning.decide} is the one pipeline from a snapshot and
 * {@code Settings} (options, API policy, properties, environment) to a {@code Decision} (detected budget
 * via {@code BudgetDecision}, memory and task limits, {@code ThreadPlan} with the caps that keep every
 * thread pool within the budget and the task headroom); {@code ComputeGate} hands out leases
 * against the budget ({@code LeaseDepth} tracks nesting); {@code CacheDirectory} chooses JavaCPP's
 * unpack directory.
 *
 * <p>Owns: every number native-config decides and every precedence rule. May use: the API value types
 * and the read side's snapshot types; no I/O (except {@code CacheDirectory}'s directory probe), no
 * native calls, no logging in the pure functions.
 */
package io.github.interp4j.nativeconfig.internal.policy;
