package dev.certreg.server;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * Tells Jetty how many object references fill a cache line, before its first server is built. Jetty pads some shared
 * arrays to a cache line and, unless told, works out the size of a reference by asking the platform MBean server
 * whether references are compressed: starting that server, with every platform MBean registered in it, was some
 * 35 ms of each {@code serve} start, for this one answer. The JVM's own flag gives it without the MBean server.
 * A process-wide setting, made as a server is prepared; it is the value Jetty would work out itself, and one set
 * already (by {@code -D}, or by another Jetty in the process) is left as it is.
 */
final class JettyCacheLines {
    private static final String REFERENCES = "org.eclipse.jetty.util.referencesPerCacheLine";
    private static final String BYTES = "org.eclipse.jetty.util.cacheLineBytes";

    private JettyCacheLines() {}

    /** Sets Jetty's references per cache line as Jetty would work it out, unless already set. */
    static void configure() {
        if (System.getProperty(REFERENCES) != null) {
            return;
        }
        HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        boolean compressed = Boolean.parseBoolean(hotSpot.getVMOption("UseCompressedOops").getValue());
        int lineBytes = Integer.getInteger(BYTES, 64);
        System.setProperty(REFERENCES, Integer.toString(lineBytes / (compressed ? 4 : 8)));
    }
}
