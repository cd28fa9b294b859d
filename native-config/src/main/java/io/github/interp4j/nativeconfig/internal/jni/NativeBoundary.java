package io.github.interp4j.nativeconfig.internal.jni;

import io.github.interp4j.nativeconfig.BlasInfo;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one place that touches native code: the process environment, loading OpenBLAS through the
 * bytedeco presets, and OpenBLAS's control functions. Everything else in the library decides; this
 * class acts. It never decides a number itself.
 *
 * <p>Thread-safety: the caller ({@code NativeConfig}) serialises {@link #setEnvironment},
 * {@link #loadBlas} and {@link #setBlasThreads}; the getters may be called from any thread after load.
 */
public final class NativeBoundary {
    private static final Logger LOG = LoggerFactory.getLogger(NativeBoundary.class);

    /** System property JavaCPP reads for its native-library cache directory. */
    public static final String CACHE_DIR_PROPERTY = "org.bytedeco.javacpp.cachedir";
    /** System property bytedeco reads to load another BLAS (e.g. {@code mkl_rt}) in place of OpenBLAS. */
    public static final String BLAS_LOAD_PROPERTY = "org.bytedeco.openblas.load";

    private final List<OpenBlasCopy> copies = new ArrayList<>();
    private BlasInfo loadInfo;

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
     * Sets variables in the C process environment (what OpenBLAS reads when it loads). Must run before
     * OpenBLAS loads and before other native code reads the environment concurrently.
     *
     * @param variables name to value
     * @return null on success, otherwise why it failed (the JNI helper could not load, or setenv failed)
     */
    public String setEnvironment(Map<String, String> variables) {
        if (variables.isEmpty()) {
            return null;
        }
        try {
            ensureCacheDir();
            Loader.load(ProcessEnvironment.class);
            for (Map.Entry<String, String> e : variables.entrySet()) {
                if (ProcessEnvironment.setenv(e.getKey(), e.getValue(), 1) != 0) {
                    return "setenv(" + e.getKey() + ") failed";
                }
            }
            return null;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return "the JNI helper " + ProcessEnvironment.class.getName() + " could not load: " + e;
        }
    }

    /**
     * Reads a variable from the C process environment (which, unlike {@link System#getenv()}, sees
     * {@code setenv}).
     *
     * @param name the variable
     * @return its value, or null if unset or the JNI helper cannot load
     */
    public String getEnvironment(String name) {
        try {
            Loader.load(ProcessEnvironment.class);
            BytePointer p = ProcessEnvironment.getenv(name);
            return p == null || p.isNull() ? null : p.getString();
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return null;
        }
    }

    /** @return true if a library named like OpenBLAS is mapped into this process already */
    public static boolean blasAlreadyLoaded() {
        for (String key : Loader.getLoadedLibraries().keySet()) {
            if (key.startsWith("openblas") || key.startsWith("mkl")) {
                return true;
            }
        }
        try {
            String maps = Files.readString(Paths.get("/proc/self/maps"), StandardCharsets.ISO_8859_1);
            return maps.contains("libopenblas") || maps.contains("libmkl_rt");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** @return the thread ids of this process, from {@code /proc/self/task}, or null if unknown */
    public static java.util.Set<String> processThreads() {
        String[] tasks = new java.io.File("/proc/self/task").list();
        return tasks == null ? null : new java.util.HashSet<>(java.util.Arrays.asList(tasks));
    }

    /**
     * Counts the threads that native code running on the current thread started since {@code before}:
     * new tasks whose name ({@code comm}) is the current thread's, since threads created with plain
     * {@code pthread_create} inherit their creator's name while the JVM names its own threads (JIT
     * compilers, GC, JavaCPP's deallocator), which may start at any moment.
     *
     * @param before thread ids from {@link #processThreads()}
     * @return the count, or -1 if {@code /proc} cannot tell
     */
    public static int threadsStartedHereSince(java.util.Set<String> before) {
        java.util.Set<String> after = processThreads();
        if (before == null || after == null) {
            return -1;
        }
        String self = comm(Paths.get("/proc/thread-self/comm"));
        int count = 0;
        for (String tid : after) {
            if (!before.contains(tid)) {
                String name = comm(Paths.get("/proc/self/task", tid, "comm"));
                if (self == null || self.equals(name)) {
                    count++;
                }
            }
        }
        return count;
    }

    private static String comm(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1).trim();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Loads the BLAS library through the bytedeco presets and binds OpenBLAS's control functions in
     * every loaded copy.
     *
     * @return what the library reports right after loading
     * @throws IllegalStateException naming the platform when no natives exist for it, or naming
     *                               {@value #CACHE_DIR_PROPERTY} when no cache directory is writable
     */
    public BlasInfo loadBlas() {
        if (loadInfo != null) {
            return loadInfo;
        }
        String platform = Loader.getPlatform();
        String resource = "org/bytedeco/openblas/" + platform + "/";
        if (NativeBoundary.class.getClassLoader().getResource(resource) == null) {
            throw new IllegalStateException("no OpenBLAS natives for platform '" + platform + "' on the class path: add "
                    + "org.bytedeco:openblas:0.3.31-1.5.13:" + platform + " (or set org.bytedeco.javacpp.platform)");
        }
        ensureCacheDir();
        boolean before = blasAlreadyLoaded();
        java.util.Set<String> threadsBefore = processThreads();
        try {
            Loader.load(org.bytedeco.openblas.global.openblas.class);
        } catch (UnsatisfiedLinkError e) {
            throw new IllegalStateException("could not load OpenBLAS for platform '" + platform + "' (cache dir "
                    + System.getProperty(CACHE_DIR_PROPERTY) + ", set " + CACHE_DIR_PROPERTY + " to a writable directory if that is the"
                    + " problem): " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("could not load OpenBLAS for platform '" + platform + "': " + e, e);
        }
        int added = before ? -1 : threadsStartedHereSince(threadsBefore);
        bindControlFunctions();
        loadInfo = describe(added, before);
        return loadInfo;
    }

    /** @return true after {@link #loadBlas()} succeeded */
    public boolean blasLoaded() {
        return loadInfo != null;
    }

    /**
     * Sets OpenBLAS's thread count in every loaded copy ({@code openblas_set_num_threads}).
     *
     * @param threads at least 1
     * @return the count OpenBLAS reports afterwards, or -1 if its control functions are not available
     */
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

    /** @return {@code openblas_get_num_threads()} of the copy bound last, or -1 if unavailable */
    public int blasThreads() {
        int reported = -1;
        for (OpenBlasCopy c : copies) {
            if (c.getNumThreads != null) {
                reported = c.getNumThreads.call();
            }
        }
        return reported;
    }

    /**
     * @return the library's description with the current thread count
     * @throws IllegalStateException if the library is not loaded
     */
    public BlasInfo currentInfo() {
        if (loadInfo == null) {
            throw new IllegalStateException("BLAS is not loaded");
        }
        return describe(loadInfo.threadsAddedByLoad(), loadInfo.loadedBeforeConfiguration());
    }

    private void bindControlFunctions() {
        copies.clear();
        for (Map.Entry<String, String> e : Loader.getLoadedLibraries().entrySet()) {
            String name = e.getKey();
            if (!(name.startsWith("openblas") || name.startsWith("mkl")) || e.getValue() == null) {
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
                                            java.util.function.Function<Pointer, T> make) {
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

    private BlasInfo describe(int added, boolean before) {
        String load = System.getProperty(BLAS_LOAD_PROPERTY, "");
        boolean mkl = load.toLowerCase(Locale.ROOT).contains("mkl");
        String config = "unknown";
        String core = "unknown";
        String model = "unknown";
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
                int p = c.getParallel.call();
                model = p == 0 ? "sequential" : p == 1 ? "pthreads" : p == 2 ? "OpenMP" : "unknown (" + p + ")";
            }
            if (c.getNumThreads != null) {
                threads = c.getNumThreads.call();
            }
        }
        String version = "unknown";
        if (config.startsWith("OpenBLAS ")) {
            String[] parts = config.split("\\s+");
            version = parts.length > 1 ? parts[1] : "unknown";
        }
        return new BlasInfo(mkl ? "MKL" : "OpenBLAS", version, core, model, config, threads, added, before, paths);
    }

    /**
     * Makes sure JavaCPP has a writable cache directory to unpack native libraries into. With a
     * read-only root filesystem or an unwritable HOME, the default ({@code ~/.javacpp/cache}) fails; then
     * a directory under {@code java.io.tmpdir} is chosen and {@value #CACHE_DIR_PROPERTY} set to it.
     *
     * @throws IllegalStateException naming {@value #CACHE_DIR_PROPERTY} when no candidate is writable
     */
    public static synchronized void ensureCacheDir() {
        if (System.getProperty(CACHE_DIR_PROPERTY) != null || System.getProperty("org.bytedeco.javacpp.cacheDir") != null) {
            return;
        }
        String home = System.getProperty("user.home");
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_");
        List<Path> candidates = new ArrayList<>();
        if (home != null) {
            candidates.add(Paths.get(home, ".javacpp", "cache"));
        }
        String tmp = System.getProperty("java.io.tmpdir");
        if (tmp != null) {
            candidates.add(Paths.get(tmp, "interp4j-javacpp-" + user, "cache"));
        }
        StringBuilder tried = new StringBuilder();
        for (Path dir : candidates) {
            if (writableDir(dir)) {
                if (!candidates.get(0).equals(dir)) {
                    LOG.warn("JavaCPP cache {} is not writable; unpacking native libraries into {} ({}={})",
                            candidates.get(0), dir, CACHE_DIR_PROPERTY, dir);
                }
                System.setProperty(CACHE_DIR_PROPERTY, dir.toString());
                return;
            }
            tried.append(tried.length() == 0 ? "" : ", ").append(dir);
        }
        throw new IllegalStateException("no writable directory to unpack native libraries into (tried " + tried
                + "); set the system property " + CACHE_DIR_PROPERTY + " to a writable directory");
    }

    private static boolean writableDir(Path dir) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".probe", null);
            Files.delete(probe);
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.debug("cache candidate {} not writable: {}", dir, e.toString());
            return false;
        }
    }
}
