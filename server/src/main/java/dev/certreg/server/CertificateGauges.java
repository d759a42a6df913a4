package dev.certreg.server;

import dev.certreg.core.CertificateStatus;
import dev.certreg.core.CertificateStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code certreg_certificates{status}}: device certificates per status, counted by the store when scraped. The count
 * is one aggregate query; it is kept for {@link #MAX_AGE_NANOS} so that several scrapers (or one per status line)
 * cost one query, and a failing store shows the last count rather than failing the scrape. Thread-safe.
 */
final class CertificateGauges {
    private static final long MAX_AGE_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final CertificateStore store;
    private Map<CertificateStatus, Long> counts = Map.of();
    private long countedAt;
    private boolean counted;

    private CertificateGauges(CertificateStore store) {
        this.store = store;
    }

    static void register(CertificateStore store, MeterRegistry registry) {
        CertificateGauges gauges = new CertificateGauges(store);
        for (CertificateStatus status : CertificateStatus.values()) {
            Gauge.builder("certreg.certificates", gauges, g -> g.count(status))
                    .description("Device certificates in this status, over every account and region")
                    .tag("status", status.name())
                    .strongReference(true)
                    .register(registry);
        }
    }

    private synchronized double count(CertificateStatus status) {
        long now = System.nanoTime();
        if (!counted || now - countedAt > MAX_AGE_NANOS) {
            try {
                counts = store.countDeviceCertificatesByStatus();
            } catch (RuntimeException e) {
                // Readiness reports the store's health; the scrape keeps the last count.
            }
            counted = true;
            countedAt = now;
        }
        return counts.getOrDefault(status, 0L);
    }
}
