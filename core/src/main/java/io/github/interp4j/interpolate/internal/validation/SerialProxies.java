package io.github.interp4j.interpolate.internal.validation;

import java.io.InvalidObjectException;

/**
 * What the interpolants' serialisation proxies share: turning a validation failure of the data read
 * back into the {@link InvalidObjectException} that deserialisation reports.
 *
 * <p>Thread-safety: stateless.
 */
public final class SerialProxies {
    private SerialProxies() {}

    /**
     * @param type the class being read back, for the message
     * @param e    why its validating constructor rejected the data
     * @return the exception to throw from {@code readResolve}, with {@code e} as its cause
     */
    public static InvalidObjectException invalid(String type, RuntimeException e) {
        InvalidObjectException ex = new InvalidObjectException("invalid " + type + " data: " + e.getMessage());
        ex.initCause(e);
        return ex;
    }
}
