package io.github.interp4j.nativeconfig.internal.runtime;

import io.github.interp4j.nativeconfig.internal.jni.BlasFacts;
import io.github.interp4j.nativeconfig.internal.jni.NativeBoundary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@link NativeBoundary} without native code: it records what the runtime asks and answers as told. */
final class FakeBoundary implements NativeBoundary {
    String platform = "linux-x86_64";
    boolean natives = true;
    boolean loadedByOthers;
    String environmentFailure;
    Runnable prepare = () -> { };
    final Map<String, String> environment = new LinkedHashMap<>();
    final List<Integer> threadCalls = new ArrayList<>();
    boolean pointerGcDisabled;
    int maxThreads = Integer.MAX_VALUE;
    private boolean loaded;
    private int threads = 8;

    @Override
    public void prepareLoad() {
        prepare.run();
    }

    @Override
    public String setEnvironment(Map<String, String> variables) {
        if (environmentFailure != null) {
            return environmentFailure;
        }
        environment.putAll(variables);
        return null;
    }

    @Override
    public void disablePointerGc() {
        pointerGcDisabled = true;
    }

    @Override
    public String getEnvironment(String name) {
        return environment.get(name);
    }

    @Override
    public String platform() {
        return platform;
    }

    @Override
    public boolean hasBlasNatives(String p) {
        return natives;
    }

    @Override
    public boolean blasLoadedByLoader() {
        return loadedByOthers || loaded;
    }

    @Override
    public void loadBlas() {
        loaded = true;
        String count = environment.get("OPENBLAS_NUM_THREADS");
        if (count != null) {
            threads = Integer.parseInt(count);
        }
    }

    @Override
    public boolean blasLoaded() {
        return loaded;
    }

    @Override
    public int setBlasThreads(int n) {
        threadCalls.add(n);
        threads = Math.min(n, maxThreads);
        return threads;
    }

    @Override
    public BlasFacts blasFacts() {
        if (!loaded) {
            throw new IllegalStateException("BLAS is not loaded");
        }
        return new BlasFacts(List.of("/fake/libopenblas.so.0"), "OpenBLAS 0.3.99 FAKE Haswell MAX_THREADS=64",
                "Haswell", 1, threads);
    }
}
