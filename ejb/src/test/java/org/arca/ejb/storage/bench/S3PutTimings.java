package org.arca.ejb.storage.bench;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import org.arca.ejb.storage.ObjectWriter;
import org.arca.ejb.storage.Storage;
import org.arca.ejb.storage.Storages;
import org.arca.ldap.config.StorageDescriptor;

/**
 * Where the time of one S3 store goes, without DICOM around it: for N objects of SIZE bytes,
 * the time of {@code create} (the existence check), of writing the bytes in 64 KiB chunks,
 * and of {@code commit} (the PUT), each as median and mean in milliseconds.
 * Usage: S3PutTimings storage-uri count size [property=value ...]
 */
public final class S3PutTimings {
    private static final int CHUNK = 64 * 1024;
    private static final int WARM_UP = 50;

    private S3PutTimings() {
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[1]);
        int size = Integer.parseInt(args[2]);
        StorageDescriptor d = new StorageDescriptor("timings", args[0]);
        for (int i = 3; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            d.getProperties().put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        byte[] chunk = new byte[CHUNK];
        ThreadLocalRandom.current().nextBytes(chunk);
        String run = Long.toHexString(System.nanoTime());
        try (Storages storages = new Storages()) {
            Storage s = storages.storage(d);
            long[][] t = new long[3][count];
            long cpu0 = 0;
            for (int i = -WARM_UP; i < count; i++) {
                if (i == 0) {
                    cpu0 = cpuNanos();
                }
                long t0 = System.nanoTime();
                try (ObjectWriter w = s.create(run + "/" + i + ".dcm")) {
                    long t1 = System.nanoTime();
                    OutputStream out = w.stream();
                    for (int left = size; left > 0; left -= CHUNK) {
                        out.write(chunk, 0, Math.min(CHUNK, left));
                    }
                    long t2 = System.nanoTime();
                    w.commit();
                    long t3 = System.nanoTime();
                    if (i >= 0) {
                        t[0][i] = t1 - t0;
                        t[1][i] = t2 - t1;
                        t[2][i] = t3 - t2;
                    }
                }
            }
            String[] names = {"create", "write", "commit"};
            long total = 0;
            for (int p = 0; p < 3; p++) {
                long sum = Arrays.stream(t[p]).sum();
                total += sum;
                long[] sorted = t[p].clone();
                Arrays.sort(sorted);
                System.out.printf("%-7s median %7.3f ms  mean %7.3f ms%n", names[p], sorted[count / 2] / 1e6,
                        sum / 1e6 / count);
            }
            System.out.printf("total   %7.3f ms per object, %.1f objects/s, client CPU %.3f ms per object%n",
                    total / 1e6 / count, count * 1e9 / total, (cpuNanos() - cpu0) / 1e6 / count);
        }
    }
}
