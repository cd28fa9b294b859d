package io.github.interp4j.nativeconfig.internal.jni;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The real {@link NativeBoundary}: the JNI helpers built by the JavaCPP plugin ({@link ProcessEnvironment},
 * {@link OpenBlasFunctions}), JavaCPP's {@link Loader}, and the bytedeco OpenBLAS presets. Only native
 * calls live here; choosing the cache directory, counting threads and interpreting the answers happen
 * elsewhere.
 *
 * <p>Thread-safety: the runtime serialises {@link #setEnvironment}, {@link #loadBlas} and
 * {@link #setBlasThreads}; the queries may be called from any thread after load.
 */
public final class JavaCppBoundary implements NativeBoundary {
    private static final Logger LOG = LoggerFactory.getLogger(JavaCppBoundary.class);

    private final Runnable prepare;
    private final List<OpenBlasCopy> copies = new ArrayList<>();
    private volatile boolean loaded;

    /** One loaded copy of libopenblas and its control functions. */
    private static final class OpenBlasCopy {
        final String path;
        final List<Pointer> keepAlive = new ArrayList<>();
        OpenBlasFunctions.IntSetter setNumThreads;
        OpenBlasFunctions.IntGetter getNumThreads;
        OpenBlasFunctions.StringGetter getConfig;
        OpenBlasFunctions.StringGetter getCorename;
        OpenBlasFunctions.IntGetter getParallel;

        OpenBlasCopy(String path) {
            this.path = path;
        }
    }

    /**
     * @param prepare run before native code is loaded: makes sure JavaCPP can unpack libraries (throws an
     *                {@link IllegalStateException} naming the setting to fix otherwise)
     * @throws NullPointerException if {@code prepare} is null
     */
    public JavaCppBoundary(Runnable prepare) {
        this.prepare = Objects.requireNonNull(prepare, "prepare");
    }

    @Override
    public void prepareLoad() {
        prepare.run();
    }

    @Override
    public String setEnvironment(Map<String, String> variables) {
        if (variables.isEmpty()) {
            return null;
        }
        try {
            prepare.run();
            Loader.load(ProcessEnvironment.class);
            for (Map.Entry<String, String> e : variables.entrySet()) {
                if (ProcessEnvironment.setenv(e.getKey(), e.getValue(), 1) != 0) {
                    return "setenv(" + e.getKey() + ") failed";
                }
            }
            return null;
        } catch (LinkageError | RuntimeException e) {
            return "the JNI helper " + ENVIRONMENT_HELPER + " could not load: " + e;
        } catch (OutOfMemoryError e) {
            if (!String.valueOf(e.getMessage()).contains("native thread")) {
                throw e;
            }
            // JavaCPP starts its deallocator thread when it first loads native code; under a full pids.max
            // that fails. The process can still run its Java code, so this is a warning, not a failure.
            return "the JNI helper " + ENVIRONMENT_HELPER + " could not load (JavaCPP could not start a thread: " + e
                    + ")";
        }
    }

    @Override
    public void disablePointerGc() {
        if (System.getProperty(NO_POINTER_GC) == null && System.getProperty("org.bytedeco.javacpp.noPointerGC") == null) {
            System.setProperty(NO_POINTER_GC, "true");
        }
    }

    @Override
    public String getEnvironment(String name) {
        try {
            Loader.load(ProcessEnvironment.class);
            BytePointer p = ProcessEnvironment.getenv(name);
            return p == null || p.isNull() ? null : p.getString();
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return null;
        }
    }

    @Override
    public String platform() {
        return Loader.getPlatform();
    }

    @Override
    public boolean hasBlasNatives(String platform) {
        return JavaCppBoundary.class.getClassLoader().getResource("org/bytedeco/openblas/" + platform + "/") != null;
    }

    @Override
    public boolean blasLoadedByLoader() {
        for (String key : Loader.getLoadedLibraries().keySet()) {
            if (isBlas(key)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void loadBlas() {
        if (loaded) {
            return;
        }
        Loader.load(org.bytedeco.openblas.global.openblas.class);
        bindControlFunctions();
        loaded = true;
    }

    @Override
    public boolean blasLoaded() {
        return loaded;
    }

    @Override
    public int setBlasThreads(int threads) {
        int reported = -1;
        for (OpenBlasCopy c : copies) {
            if (c.setNumThreads != null) {
                c.setNumThreads.call(threads);
            }
            if (c.getNumThreads != null) {
                reported = c.getNumThreads.call();
            }
        }
        return reported;
    }

    @Override
    public BlasFacts blasFacts() {
        if (!loaded) {
            throw new IllegalStateException("BLAS is not loaded");
        }
        String config = null;
        String core = null;
        Integer parallel = null;
        int threads = -1;
        List<String> paths = new ArrayList<>();
        for (OpenBlasCopy c : copies) {
            paths.add(c.path);
            if (c.getConfig != null) {
                config = c.getConfig.call().getString();
            }
            if (c.getCorename != null) {
                core = c.getCorename.call().getString();
            }
            if (c.getParallel != null) {
                parallel = c.getParallel.call();
            }
            if (c.getNumThreads != null) {
                threads = c.getNumThreads.call();
            }
        }
        return new BlasFacts(paths, config, core, parallel, threads);
    }

    private static boolean isBlas(String libraryName) {
        return libraryName.startsWith("openblas") || libraryName.startsWith("mkl");
    }

    private void bindControlFunctions() {
        copies.clear();
        for (Map.Entry<String, String> e : Loader.getLoadedLibraries().entrySet()) {
            if (!isBlas(e.getKey()) || e.getValue() == null) {
                continue;
            }
            OpenBlasCopy c = new OpenBlasCopy(e.getValue());
            Pointer handle = OpenBlasFunctions.dlopen(e.getValue(),
                    OpenBlasFunctions.RTLD_NOW() | OpenBlasFunctions.RTLD_NOLOAD());
            if (handle == null || handle.isNull()) {
                LOG.debug("dlopen(RTLD_NOLOAD) found no loaded library at {}", e.getValue());
                continue;
            }
            // The handle is kept open on purpose: the library stays loaded for the life of the process.
            c.setNumThreads = fn(c, handle, "openblas_set_num_threads", OpenBlasFunctions.IntSetter::new);
            c.getNumThreads = fn(c, handle, "openblas_get_num_threads", OpenBlasFunctions.IntGetter::new);
            c.getConfig = fn(c, handle, "openblas_get_config", OpenBlasFunctions.StringGetter::new);
            c.getCorename = fn(c, handle, "openblas_get_corename", OpenBlasFunctions.StringGetter::new);
            c.getParallel = fn(c, handle, "openblas_get_parallel", OpenBlasFunctions.IntGetter::new);
            if (c.setNumThreads == null && c.getNumThreads == null) {
                LOG.debug("{} has no OpenBLAS control functions", e.getValue());
            }
            copies.add(c);
        }
    }

    private static <T extends Pointer> T fn(OpenBlasCopy c, Pointer handle, String symbol,
                                            Function<Pointer, T> make) {
        Pointer address = OpenBlasFunctions.dlsym(handle, symbol);
        if (address == null || address.isNull()) {
            return null;
        }
        // A JavaCPP FunctionPointer points at a slot holding the function's address.
        PointerPointer<Pointer> slot = new PointerPointer<>(1);
        slot.put(0, address);
        c.keepAlive.add(slot);
        return make.apply(slot);
    }
}
