package io.github.interp4j.interpolate.internal.rbf;

import io.github.interp4j.nativeconfig.BlasLease;
import io.github.interp4j.nativeconfig.NativeConfig;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;

/**
 * The native buffers of fits: the system matrix, two {@code (n + r) x max(r, 1)} work matrices, the
 * right-hand sides and the pivots. Grown on demand (never shrunk) and freed by {@link #close()}; one
 * work space serves many fits in turn (one thread at a time).
 */
public final class RbfWorkspace implements AutoCloseable {
    /** The system matrix. */
    DoublePointer a;
    /** Work matrix 1. */
    DoublePointer small1;
    /** Work matrix 2. */
    DoublePointer small2;
    /** The right-hand sides. */
    DoublePointer rhs;
    /** The pivots. */
    IntPointer ipiv;
    private long capA;
    private long capSmall;
    private long capRhs;
    private long capPiv;

    /** An empty work space (allocates nothing until the first fit). */
    public RbfWorkspace() {}

    /**
     * Makes the buffers large enough for a fit of {@code n} points, {@code r} monomials and {@code m}
     * columns (reallocating, inside a BLAS lease, only when they are too small).
     *
     * @throws IllegalStateException if the native memory cannot be allocated
     */
    @SuppressWarnings("try") // the lease is a scope guard: it holds the CPU budget for the call
    void reserve(int n, int r, int m) {
        long nr = (long) n + r;
        long needA = nr * nr;
        long needSmall = Math.max(1L, nr * Math.max(r, 1));
        long needRhs = nr * m;
        if (needA <= capA && needSmall <= capSmall && needRhs <= capRhs && nr <= capPiv) {
            return;
        }
        close();
        // Allocated inside a lease: the lease guarantees the native libraries are loaded.
        try (BlasLease lease = NativeConfig.blas()) {
            capA = needA;
            capSmall = needSmall;
            capRhs = needRhs;
            capPiv = nr;
            a = new DoublePointer(capA);
            small1 = new DoublePointer(capSmall);
            small2 = new DoublePointer(capSmall);
            rhs = new DoublePointer(capRhs);
            ipiv = new IntPointer(capPiv);
        } catch (OutOfMemoryError e) {
            close();
            throw new IllegalStateException("RBFInterpolator: cannot allocate the native memory of the "
                    + nr + " x " + nr + " system (" + RbfSolver.estimateBytes(n, r, m) + " bytes): " + e.getMessage()
                    + " (JavaCPP limit org.bytedeco.javacpp.maxBytes = " + Pointer.maxBytes() + ")", e);
        }
    }

    /** Frees the native buffers (idempotent); the work space can then grow again. */
    @Override
    public void close() {
        for (Pointer ptr : new Pointer[] {a, small1, small2, rhs, ipiv}) {
            if (ptr != null) {
                ptr.close();
            }
        }
        a = null;
        small1 = null;
        small2 = null;
        rhs = null;
        ipiv = null;
        capA = 0;
        capSmall = 0;
        capRhs = 0;
        capPiv = 0;
    }
}
