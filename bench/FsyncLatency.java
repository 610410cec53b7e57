import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a durable store costs the disk alone: N new files of SIZE bytes, each written and
 * fsync'ed (FileChannel.force(true), as the archive's file system storage commits an object).
 * With THREADS (default 1) writers, each writes its share one file after the other: one thread
 * is one association's C-STOREs; ten are ten parallel STOW-RS requests whose objects are
 * committed as they arrive. Prints the median and p90 of one file, and the total, in ms / s.
 * Usage: java bench/FsyncLatency.java DIR N SIZE [THREADS]
 */
public class FsyncLatency {
    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        int n = Integer.parseInt(args[1]);
        int size = Integer.parseInt(args[2]);
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        long[] each = new long[n];
        List<Thread> writers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int first = t;
            writers.add(new Thread(() -> {
                ByteBuffer data = ByteBuffer.allocateDirect(size);
                for (int i = first; i < n; i += threads) {
                    each[i] = writeAndSync(dir.resolve("f" + i), data);
                }
            }));
        }
        writers.forEach(Thread::start);
        for (Thread w : writers) {
            w.join();
        }
        long total = System.nanoTime() - start;
        for (int i = 0; i < n; i++) {
            Files.delete(dir.resolve("f" + i));
        }
        Arrays.sort(each);
        System.out.printf("%.3f %.3f %.3f%n", each[n / 2] / 1e6, each[n * 9 / 10] / 1e6, total / 1e9);
    }

    private static long writeAndSync(Path file, ByteBuffer data) {
        long t0 = System.nanoTime();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            data.clear();
            while (data.hasRemaining()) {
                ch.write(data);
            }
            ch.force(true);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return System.nanoTime() - t0;
    }
}
