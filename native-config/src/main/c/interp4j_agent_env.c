/*
 * The -javaagent's only native code: C setenv/getenv for
 * io.github.interp4j.nativeconfig.internal.agent.CEnvironment.
 *
 * Deliberately JavaCPP-free (only <jni.h> and libc), so the agent jar neither bundles nor relocates
 * JavaCPP and cannot clash with the application's own bytedeco presets. Built by native-config's Maven
 * build with gcc -shared -fPIC and packaged into the agent jar only.
 */
#define _POSIX_C_SOURCE 200112L /* setenv */

#include <errno.h>
#include <jni.h>
#include <stdlib.h>
#include <string.h>

/* setenv(name, value, 1); returns 0, or errno (EINVAL for a bad name, ENOMEM). */
JNIEXPORT jint JNICALL
Java_io_github_interp4j_nativeconfig_internal_agent_CEnvironment_set(JNIEnv *env, jclass cls, jstring name,
                                                                      jstring value) {
    (void) cls;
    if (name == NULL || value == NULL) {
        return EINVAL;
    }
    const char *n = (*env)->GetStringUTFChars(env, name, NULL);
    if (n == NULL) {
        return ENOMEM; /* OutOfMemoryError pending */
    }
    const char *v = (*env)->GetStringUTFChars(env, value, NULL);
    if (v == NULL) {
        (*env)->ReleaseStringUTFChars(env, name, n);
        return ENOMEM;
    }
    errno = 0;
    int rc = setenv(n, v, 1) == 0 ? 0 : (errno != 0 ? errno : EINVAL);
    (*env)->ReleaseStringUTFChars(env, value, v);
    (*env)->ReleaseStringUTFChars(env, name, n);
    return rc;
}

/* getenv(name) as raw bytes (the value need not be valid modified UTF-8), or null when unset. */
JNIEXPORT jbyteArray JNICALL
Java_io_github_interp4j_nativeconfig_internal_agent_CEnvironment_get(JNIEnv *env, jclass cls, jstring name) {
    (void) cls;
    if (name == NULL) {
        return NULL;
    }
    const char *n = (*env)->GetStringUTFChars(env, name, NULL);
    if (n == NULL) {
        return NULL;
    }
    const char *v = getenv(n);
    jbyteArray out = NULL;
    if (v != NULL) {
        jsize len = (jsize) strlen(v);
        out = (*env)->NewByteArray(env, len);
        if (out != NULL) {
            (*env)->SetByteArrayRegion(env, out, 0, len, (const jbyte *) v);
        }
    }
    (*env)->ReleaseStringUTFChars(env, name, n);
    return out;
}
