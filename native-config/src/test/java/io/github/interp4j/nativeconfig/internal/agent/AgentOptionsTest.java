package io.github.interp4j.nativeconfig.internal.agent;

import io.github.interp4j.nativeconfig.NativeConfigOptions;
import io.github.interp4j.nativeconfig.Rounding;
import io.github.interp4j.nativeconfig.ThreadPolicy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgentOptionsTest {

    @Test
    void noOptionsLeaveEverythingToDetection() {
        for (String text : new String[] {null, "", " ", ",,"}) {
            AgentOptions o = AgentOptions.parse(text);
            assertNull(o.budget());
            assertNull(o.blasThreads());
            assertNull(o.policy());
            assertNull(o.rounding());
            assertNull(o.manage());
            assertTrue(o.forkJoinPool());
            assertFalse(o.quiet());
            assertEquals(List.of(), o.warnings());
        }
    }

    @Test
    void everyOptionIsParsedAndPassedToThePlanning() {
        AgentOptions o = AgentOptions.parse(
                "budget=3, blasThreads=2,policy=perWorker:2,rounding=ceil,manage=false,fjp=false,quiet");
        assertEquals(List.of(), o.warnings());
        assertEquals(3, o.budget());
        assertEquals(2, o.blasThreads());
        assertEquals(ThreadPolicy.perWorker(2), o.policy());
        assertEquals(Rounding.CEIL, o.rounding());
        assertEquals(Boolean.FALSE, o.manage());
        assertFalse(o.forkJoinPool());
        assertTrue(o.quiet());
        NativeConfigOptions n = o.toNativeConfigOptions();
        assertEquals(3, n.cpuBudget());
        assertEquals(2, n.blasThreads());
        assertEquals(ThreadPolicy.perWorker(2), n.threadPolicy());
        assertEquals(Rounding.CEIL, n.rounding());
        assertEquals(Boolean.FALSE, n.manageBlas());
    }

    @Test
    void policiesAndKeysAreCaseInsensitive() {
        assertEquals(ThreadPolicy.auto(), AgentOptions.parse("POLICY=Auto").policy());
        assertEquals(ThreadPolicy.sequential(), AgentOptions.parse("policy=sequential").policy());
        assertEquals(ThreadPolicy.fixed(4), AgentOptions.parse("policy=FIXED:4").policy());
        assertEquals(5, AgentOptions.parse("BlasThreads=5").blasThreads());
        assertFalse(AgentOptions.parse("quiet=false").quiet());
    }

    @Test
    void eachMalformedOrUnknownEntryIsNamedAndTheOthersStillApply() {
        AgentOptions o = AgentOptions.parse("budget=0,blasThreads=abc,policy=fixed:0,rounding=up,manage=yes,"
                + "fjp=1,quiet=maybe,frobnicate=1,budget,policy=perWorker:x,rounding=floor");
        assertNull(o.budget());
        assertNull(o.blasThreads());
        assertNull(o.policy());
        assertNull(o.manage());
        assertTrue(o.forkJoinPool());
        assertFalse(o.quiet());
        assertEquals(Rounding.FLOOR, o.rounding());
        assertEquals(List.of(
                "ignored option 'budget=0' (expected a whole number >= 1)",
                "ignored option 'blasThreads=abc' (expected a whole number >= 1)",
                "ignored option 'policy=fixed:0' (expected auto, sequential, fixed:N or perWorker:K with N, K >= 1)",
                "ignored option 'rounding=up' (expected floor or ceil)",
                "ignored option 'manage=yes' (expected true or false)",
                "ignored option 'fjp=1' (expected true or false)",
                "ignored option 'quiet=maybe' (expected true or false)",
                "ignored unknown option 'frobnicate=1' (known: budget, blasThreads, policy, rounding, manage, fjp, quiet)",
                "ignored option 'budget' (expected a whole number >= 1)",
                "ignored option 'policy=perWorker:x' (expected auto, sequential, fixed:N or perWorker:K with N, K >= 1)"),
                o.warnings());
    }
}
