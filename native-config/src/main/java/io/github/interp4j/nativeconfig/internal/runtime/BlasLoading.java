package io.github.interp4j.nativeconfig.internal.runtime;

import io.github.interp4j.nativeconfig.BlasInfo;
import io.github.interp4j.nativeconfig.internal.cgroup.ProcessCensus;
import io.github.interp4j.nativeconfig.internal.jni.NativeBoundary;
import io.github.interp4j.nativeconfig.internal.policy.CacheDirectory;

import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Loads the BLAS library once through the {@link NativeBoundary}: checks the platform has natives,
 * prepares the loader, notes whether the library was there before and how many threads the load
 * started ({@link ProcessCensus}), and describes the result ({@link BlasDescription}).
 *
 * <p>Thread-safety: {@link #load()} is called under the runtime's lock; {@link #current()} may be
 * called from any thread.
 */
final class BlasLoading {
    private final NativeBoundary boundary;
    private final ProcessCensus census;
    private final Supplier<Map<String, String>> properties;
    private volatile BlasInfo loaded;

    BlasLoading(NativeBoundary boundary, ProcessCensus census, Supplier<Map<String, String>> properties) {
        this.boundary = boundary;
        this.census = census;
        this.properties = properties;
    }

    /** @return true if a BLAS library is in the process already (loaded by anyone) */
    boolean alreadyLoaded() {
        return boundary.blasLoadedByLoader() || census.blasMapped();
    }

    /**
     * @return true if something other than this runtime loaded the library first (then the environment
     *         is too late to matter and is left alone)
     */
    boolean loadedByOthersFirst() {
        BlasInfo info = loaded;
        return info != null ? info.loadedBeforeConfiguration() : alreadyLoaded();
    }

    /**
     * Loads the library, once.
     *
     * @return what the library reported right after loading
     * @throws IllegalStateException naming the platform when no natives exist for it, or naming
     *                               {@value CacheDirectory#PROPERTY} when no cache directory is writable
     */
    BlasInfo load() {
        BlasInfo info = loaded;
        if (info != null) {
            return info;
        }
        String platform = boundary.platform();
        if (!boundary.hasBlasNatives(platform)) {
            throw new IllegalStateException("no OpenBLAS natives for platform '" + platform + "' on the class path: add "
                    + BuildInfo.OPENBLAS_ARTIFACT + ":" + platform + " (or set org.bytedeco.javacpp.platform); on the "
                    + "module path also --add-modules org.bytedeco.openblas." + platform.replace('-', '.'));
        }
        boundary.prepareLoad();
        boolean before = alreadyLoaded();
        Set<String> threadsBefore = census.threadIds();
        try {
            boundary.loadBlas();
        } catch (UnsatisfiedLinkError e) {
            throw new IllegalStateException("could not load OpenBLAS for platform '" + platform + "' (cache dir "
                    + properties.get().get(CacheDirectory.PROPERTY) + ", set " + CacheDirectory.PROPERTY
                    + " to a writable directory if that is the problem): " + e.getMessage(), e);
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException("could not load OpenBLAS for platform '" + platform + "': " + e, e);
        } catch (OutOfMemoryError e) {
            if (!String.valueOf(e.getMessage()).contains("native thread")) {
                throw e;
            }
            throw new IllegalStateException("could not load OpenBLAS: a thread could not be created (" + e.getMessage()
                    + "); the process is at its task limit (pids.max)", e);
        }
        int added = before ? -1 : census.threadsStartedHereSince(threadsBefore);
        info = describe(added, before);
        loaded = info;
        return info;
    }

    /** @return the library's description with its current thread count, or null if not loaded */
    BlasInfo current() {
        BlasInfo info = loaded;
        return info == null ? null : describe(info.threadsAddedByLoad(), info.loadedBeforeConfiguration());
    }

    private BlasInfo describe(int added, boolean before) {
        return BlasDescription.describe(boundary.blasFacts(), properties.get().get(BlasDescription.BLAS_LOAD_PROPERTY),
                added, before);
    }
}
